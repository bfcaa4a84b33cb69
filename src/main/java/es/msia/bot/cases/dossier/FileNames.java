package es.msia.bot.cases.dossier;

import java.text.Normalizer;

import es.msia.bot.cases.CaseView;

/**
 * File names as the case ZIP spells them ({@code <id>_<slot>_<what it shows>.<ext>}, ASCII only), so a
 * PDF named in the form is found in the ZIP under the same name.
 */
public final class FileNames {

	private FileNames() {
	}

	public static String of(CaseView.FileView file) {
		String extension = file.mediaType().equals("application/pdf") ? "pdf"
				: file.mediaType().substring(file.mediaType().indexOf('/') + 1);
		return safe(file.id() + "_" + file.slot().replace(':', '-') + "_" + file.shows()) + "." + extension;
	}

	/** The form's own name in the ZIP and as a download: {@code <reference>_formulario_datos.pdf}. */
	public static String dossier(CaseView view) {
		return safe(view.reference() + "_formulario_datos") + ".pdf";
	}

	static String safe(String text) {
		String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return ascii.replaceAll("[^A-Za-z0-9._-]+", "_");
	}

}
