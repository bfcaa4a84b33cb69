package es.msia.bot.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import es.msia.bot.cases.domain.CaseData;
import es.msia.bot.cases.domain.CollectionPlan;
import es.msia.bot.cases.files.FileStore;
import es.msia.bot.cases.jdbc.CaseRow;
import es.msia.bot.cases.jdbc.Cases;
import es.msia.bot.catalog.Catalog;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff's work on a case's files: reading one (behind staff authentication only) and validating or
 * rejecting it. A rejection asks the customer for a replacement, named after the item and with the
 * reason ({@link CaseFileRejected}; as a WhatsApp template once the 24-hour window is closed); the next
 * file the customer sends is filed under the same item as its replacement. The case's phases stay in {@link CaseManagement}.
 */
@Service
public class CaseFileReview {

	private static final Duration WHATSAPP_WINDOW = Duration.ofHours(24);

	private final Cases cases;

	private final CaseManagement management;

	private final FileStore store;

	private final Catalog catalog;

	private final ApplicationEventPublisher events;

	CaseFileReview(Cases cases, CaseManagement management, FileStore store, Catalog catalog,
			ApplicationEventPublisher events) {
		this.catalog = catalog;
		this.cases = cases;
		this.management = management;
		this.store = store;
		this.events = events;
	}

	/**
	 * The stored bytes of one of the case's files, for authenticated staff only (the panel streams them; no
	 * public URL exists). The caller closes the stream.
	 */
	public InputStream open(long caseId, long fileId) {
		CaseView.FileView file = file(caseId, fileId);
		try {
			return Files.newInputStream(store.path(file.sha256()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Staff validate or reject a file; a rejected file no longer counts for its slot and a new one is asked for. */
	@Transactional
	public CaseView review(long caseId, long fileId, boolean valid, @Nullable String reason, String actor) {
		if (!cases.reviewFile(caseId, fileId, valid ? "validated" : "rejected", reason)) {
			throw new CaseNotFound("file " + fileId + " of case " + caseId);
		}
		cases.event(caseId, valid ? "file_validated" : "file_rejected", "#" + fileId + (reason == null ? "" : ": " + reason), actor);
		if (!valid) {
			askForReplacement(cases.find(caseId).orElseThrow(), file(caseId, fileId), reason);
		}
		return management.view(caseId);
	}

	/**
	 * Staff accept a photo the quality gate flagged: it counts for its step from now on, and when that
	 * completes the step of a case still being collected the case moves on to what comes next (the customer
	 * reads it with the bot's next answer). Accepting a photo that already counts changes nothing.
	 */
	@Transactional
	public CaseView acceptPhoto(long caseId, long fileId, String actor) {
		CaseView.FileView file = file(caseId, fileId);
		if (!file.awaitsAcceptance() || !cases.acceptFlagged(caseId, fileId)) {
			return management.view(caseId);
		}
		cases.event(caseId, "photo_accepted", "#" + fileId + " " + file.shows() + ": " + file.qualityIssue(), actor);
		CaseRow row = cases.find(caseId).orElseThrow();
		if (row.status() == CaseStatus.COLLECTING && !file.slot().equals(CaseFiles.UNSORTED)) {
			CaseData data = row.data();
			CollectionPlan plan = new CollectionPlan(catalog.category(row.category()).orElseThrow(), catalog.caseData());
			if (cases.countFiles(row.id(), file.slot()) >= plan.expectedFiles(file.slot(), data)) {
				data.slotsDone().add(file.slot());
				cases.saveData(row.id(), data);
			}
		}
		return management.view(caseId);
	}

	private void askForReplacement(CaseRow row, CaseView.FileView file, @Nullable String reason) {
		if (row.status() == CaseStatus.COLLECTING && !file.slot().equals(CaseFiles.UNSORTED)) {
			CaseData data = row.data();
			CollectionPlan plan = new CollectionPlan(catalog.category(row.category()).orElseThrow(), catalog.caseData());
			if (cases.countFiles(row.id(), file.slot()) < plan.expectedFiles(file.slot(), data)) {
				// Now short of files: the flow goes back to that item and asks for the missing one.
				data.slotsDone().remove(file.slot());
				cases.saveData(row.id(), data);
			}
		}
		if (!row.status().isOpen()) {
			return;
		}
		// Inside WhatsApp's window the request goes as text, outside it as the approved template: the
		// notifier decides, knowing when the window ends.
		Optional<Instant> lastMessage = cases.lastCustomerMessage(row.conversationId());
		cases.event(row.id(), "replacement_asked", file.shows(), "system");
		events.publishEvent(new CaseFileRejected(row.id(), row.reference(), row.conversationId(), file.id(), file.shows(),
				reason == null || reason.isBlank() ? null : reason.strip(), file.mediaType().equals("application/pdf"),
				lastMessage.map(at -> at.plus(WHATSAPP_WINDOW)).orElse(null)));
	}

	private CaseView.FileView file(long caseId, long fileId) {
		return cases.files(caseId).stream().filter(f -> f.id() == fileId).findFirst()
			.orElseThrow(() -> new CaseNotFound("file " + fileId + " of case " + caseId));
	}

}
