package es.msia.bot.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;

import es.msia.bot.cases.dossier.DossierContent;
import es.msia.bot.cases.dossier.DossierPdf;
import es.msia.bot.cases.dossier.FileNames;
import es.msia.bot.cases.files.FileStore;
import es.msia.bot.catalog.Catalog;
import es.msia.bot.catalog.CategoryDefinition;
import org.springframework.stereotype.Service;

/**
 * A case as MSI's paper data form, in PDF, for staff and the engineer: the data they used to re-type from the
 * chat, in the order of the form, with the photos as labelled thumbnails. Built on request from the case as
 * stored (never cached, never public: only the authenticated panel and staff API serve it).
 */
@Service
public class CaseDossier {

	private final CaseManagement cases;

	private final Catalog catalog;

	private final FileStore store;

	private final DossierPdf pdf = new DossierPdf();

	private final Clock clock = Clock.systemUTC();

	CaseDossier(CaseManagement cases, Catalog catalog, FileStore store) {
		this.cases = cases;
		this.catalog = catalog;
		this.store = store;
	}

	/** The form of a case; {@link CaseNotFound} when there is none. */
	public byte[] pdf(long caseId) {
		return pdf(cases.view(caseId));
	}

	/** The form of a case already read (the ZIP reads it once for its files and the form). */
	public byte[] pdf(CaseView view) {
		CategoryDefinition category = catalog.category(view.category())
			.orElseThrow(() -> new IllegalStateException("No catalogue category " + view.category()));
		DossierContent content = new DossierContent(category, catalog.caseData(), this::read);
		return pdf.render(content.of(view, clock.instant()));
	}

	/** {@code <reference>_formulario_datos.pdf}: the download's name and its entry in the case ZIP. */
	public static String fileName(CaseView view) {
		return FileNames.dossier(view);
	}

	private byte[] read(CaseView.FileView file) {
		try {
			return Files.readAllBytes(store.path(file.sha256()));
		}
		catch (IOException ex) {
			// A file missing from storage still gets its caption; the thumbnail says it cannot be shown.
			return new byte[0];
		}
	}

}
