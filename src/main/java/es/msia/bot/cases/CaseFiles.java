package es.msia.bot.cases;

import java.util.ArrayList;
import java.util.List;

import es.msia.bot.cases.domain.Step;
import es.msia.bot.cases.files.AttachmentDownloader;
import es.msia.bot.cases.files.FileRefused;
import es.msia.bot.cases.files.FileStore;
import es.msia.bot.cases.files.PhotoQuality;
import es.msia.bot.cases.files.PhotoThresholds;
import es.msia.bot.cases.files.StoredFile;
import es.msia.bot.cases.jdbc.CaseRow;
import es.msia.bot.cases.jdbc.Cases;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Files a message's attachments into a case under what the flow is asking for (an item's photos, a base
 * document), as the replacement of a photo staff rejected, or as unsorted for staff. Deduplicated by
 * Chatwoot attachment id (not downloaded again) and by content hash. During collection a photo filed under a
 * step passes the {@link PhotoQuality} gate first: a flagged one is kept but does not count for the step, and
 * the customer is asked again, up to {@link PhotoThresholds#retries()} times in a row for one step; after that
 * the flagged photo counts and waits for staff.
 */
@Component
class CaseFiles {

	static final String UNSORTED = "unsorted";

	private final AttachmentDownloader downloader;

	private final FileStore store;

	private final Cases cases;

	private final PhotoQuality quality;

	private final PhotoThresholds thresholds;

	CaseFiles(AttachmentDownloader downloader, FileStore store, Cases cases, PhotoQuality quality,
			PhotoThresholds thresholds) {
		this.downloader = downloader;
		this.store = store;
		this.cases = cases;
		this.quality = quality;
		this.thresholds = thresholds;
	}

	/** Deletes the stored bytes no case refers to any more (content-addressed: another case may share them). */
	void deleteUnused(java.util.Collection<String> hashes) {
		hashes.stream().distinct().filter(sha -> !cases.fileInUse(sha)).forEach(store::delete);
	}

	/** During collection: under the step being asked (a new file in a slot also replaces a rejected one there). */
	Filed file(CaseRow row, Step step, long messageId, List<IncomingFile> incoming) {
		String slot = UNSORTED;
		String shows = "sin clasificar";
		if (step instanceof Step.Photos photos) {
			slot = photos.slot();
			shows = photos.itemName();
		}
		else if (step instanceof Step.Document document) {
			slot = document.slot();
			shows = document.document().nameEs();
		}
		int added = 0;
		List<String> refusals = new ArrayList<>();
		List<Flag> flags = new ArrayList<>();
		boolean judged = !slot.equals(UNSORTED);
		for (IncomingFile file : incoming) {
			Long id = fileOne(row, messageId, file, slot, shows, refusals, judged ? flags : null);
			if (id != null && cases.files(row.id()).stream().anyMatch(f -> f.id() == id && f.counted())) {
				added++;
				replacing(row.id(), slot).ifPresent(rejected -> cases.markReplacement(id, rejected.id()));
			}
		}
		return new Filed(added, cases.countFiles(row.id(), slot), refusals, flags);
	}

	/**
	 * After submission: each new file replaces the oldest rejected file still waiting (filed under the same
	 * item), or is kept unsorted for staff when none waits.
	 */
	Replaced replacements(CaseRow row, long messageId, List<IncomingFile> incoming) {
		List<String> replaced = new ArrayList<>();
		int unsorted = 0;
		List<String> refusals = new ArrayList<>();
		for (IncomingFile file : incoming) {
			List<CaseView.FileView> waiting = cases.awaitingReplacement(row.id());
			CaseView.FileView rejected = waiting.isEmpty() ? null : waiting.get(0);
			Long id = fileOne(row, messageId, file, rejected == null ? UNSORTED : rejected.slot(),
					rejected == null ? "sin clasificar" : rejected.shows(), refusals, null);
			if (id != null && rejected != null) {
				cases.markReplacement(id, rejected.id());
				cases.event(row.id(), "file_replaced", "#" + id + " sustituye a #" + rejected.id() + " (" + rejected.shows() + ")",
						"customer");
				replaced.add(rejected.shows());
			}
			else if (id != null) {
				unsorted++;
			}
		}
		List<String> stillWaiting = cases.awaitingReplacement(row.id()).stream().map(CaseView.FileView::shows).toList();
		return new Replaced(replaced, unsorted, stillWaiting, refusals);
	}

	private java.util.Optional<CaseView.FileView> replacing(long caseId, String slot) {
		return cases.awaitingReplacement(caseId).stream().filter(f -> f.slot().equals(slot)).findFirst();
	}

	/**
	 * Downloads, stores and files one attachment; with {@code flags}, a photo is judged first and what the
	 * gate found is added there.
	 */
	private @Nullable Long fileOne(CaseRow row, long messageId, IncomingFile file, String slot, String shows,
			List<String> refusals, @Nullable List<Flag> flags) {
		if (cases.hasAttachment(row.id(), file.attachmentId())) {
			return null;
		}
		try {
			if (file.dataUrl() == null) {
				throw new FileRefused("host", "no data_url");
			}
			byte[] bytes = downloader.download(file.dataUrl());
			StoredFile stored = store.store(bytes);
			PhotoQuality.Verdict verdict = flags == null ? null : quality.check(stored.type(), bytes);
			if (verdict == null || !verdict.flagged()) {
				Long id = cases.addFile(row.id(), file.attachmentId(), messageId, stored, slot, shows);
				if (id != null) {
					cases.event(row.id(), "file_received", shows + " (" + stored.type().mime() + ")", "customer");
				}
				return id;
			}
			// The customer was asked again for this step as many times as allowed: count it, staff will judge.
			boolean kept = cases.countFlagged(row.id(), slot) >= thresholds.retries();
			String issue = verdict.issue().code();
			String measures = verdict.measures().describe();
			Long id = cases.addFile(row.id(), file.attachmentId(), messageId, stored, slot, shows, issue, measures, kept);
			if (id != null) {
				cases.event(row.id(), kept ? "photo_kept_flagged" : "photo_flagged",
						"#" + id + " " + shows + ": " + issue + " (" + measures + ")", "bot");
				flags.add(new Flag(verdict.issue(), shows, kept));
			}
			return id;
		}
		catch (FileRefused refused) {
			if (!refusals.contains(refused.reason())) {
				refusals.add(refused.reason());
			}
			cases.event(row.id(), "file_refused", refused.getMessage(), "customer");
			return null;
		}
	}

	/**
	 * What filing a message's attachments did.
	 *
	 * @param added files that now count for the step
	 * @param inSlot files counting for the step in all
	 * @param flags photos the quality gate flagged
	 */
	record Filed(int added, int inSlot, List<String> refusals, List<Flag> flags) {
	}

	/** A photo the gate flagged: asked again, or kept for staff once the retries ran out. */
	record Flag(PhotoQuality.Issue issue, String shows, boolean kept) {
	}

	/** What filing attachments after submission did: what they replaced, what still waits for a replacement. */
	record Replaced(List<String> replaced, int unsorted, List<String> stillWaiting, List<String> refusals) {
	}

}
