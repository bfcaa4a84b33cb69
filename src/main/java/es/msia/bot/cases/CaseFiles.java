package es.msia.bot.cases;

import java.util.ArrayList;
import java.util.List;

import es.msia.bot.cases.domain.Step;
import es.msia.bot.cases.files.AttachmentDownloader;
import es.msia.bot.cases.files.FileRefused;
import es.msia.bot.cases.files.FileStore;
import es.msia.bot.cases.files.StoredFile;
import es.msia.bot.cases.jdbc.CaseRow;
import es.msia.bot.cases.jdbc.Cases;
import org.springframework.stereotype.Component;

/**
 * Files a message's attachments into a case under what the flow is asking for (an item's photos, a base
 * document) or as unsorted for staff. Deduplicated by Chatwoot attachment id (not downloaded again) and by
 * content hash.
 */
@Component
class CaseFiles {

	static final String UNSORTED = "unsorted";

	private final AttachmentDownloader downloader;

	private final FileStore store;

	private final Cases cases;

	CaseFiles(AttachmentDownloader downloader, FileStore store, Cases cases) {
		this.downloader = downloader;
		this.store = store;
		this.cases = cases;
	}

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
		for (IncomingFile file : incoming) {
			if (cases.hasAttachment(row.id(), file.attachmentId())) {
				continue;
			}
			try {
				if (file.dataUrl() == null) {
					throw new FileRefused("host", "no data_url");
				}
				StoredFile stored = store.store(downloader.download(file.dataUrl()));
				if (cases.addFile(row.id(), file.attachmentId(), messageId, stored, slot, shows)) {
					added++;
					cases.event(row.id(), "file_received", shows + " (" + stored.type().mime() + ")", "customer");
				}
			}
			catch (FileRefused refused) {
				if (!refusals.contains(refused.reason())) {
					refusals.add(refused.reason());
				}
				cases.event(row.id(), "file_refused", refused.getMessage(), "customer");
			}
		}
		return new Filed(added, cases.countFiles(row.id(), slot), refusals);
	}

	/** What filing a message's attachments did. */
	record Filed(int added, int inSlot, List<String> refusals) {
	}

}
