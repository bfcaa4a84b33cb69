package es.msia.bot.cases;

import java.text.Normalizer;
import java.util.Locale;

/** Normalisation rules of CATALOG.md shared by the value objects. */
final class Normalize {

	private Normalize() {
	}

	/** Trimmed, upper-cased, without spaces, dots or hyphens (DNI/NIE/CIF, plate, VIN). */
	static String compactUpper(String raw) {
		return raw.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s.\\-]", "");
	}

	/** Lower case without accents ({@code ñ} → {@code n}), collapsed spaces: for comparing words. */
	static String folded(String raw) {
		String decomposed = Normalizer.normalize(raw.trim().toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
		return decomposed.replaceAll("\\p{M}", "").replaceAll("\\s+", " ");
	}

}
