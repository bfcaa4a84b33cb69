package es.msia.bot.cases.domain;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import es.msia.bot.catalog.FieldSpec;

/**
 * What a piece of a customer's answer looks like, before knowing which field it is for: a tax id, an
 * e-mail, a plate, a postcode, a phone, a year, a measure, a province, an ITV station, or plain words.
 * Shapes are recognised loosely (a DNI with the wrong letter is still a DNI) so that the value objects can
 * say what is wrong with it.
 */
final class ValueShapes {

	enum Shape {

		NIF, EMAIL, PLATE, VIN, POSTCODE, PHONE, YEAR, MEASURE, PROVINCE, ITV, TEXT;

		/** Shapes that belong to one field only and are never plain words of another field. */
		boolean strong() {
			return this == NIF || this == EMAIL || this == PLATE || this == VIN || this == POSTCODE || this == PHONE;
		}

	}

	static final Pattern NIF = Pattern.compile(
			"(?<![\\p{L}\\p{N}])(?:[0-9]{2}\\.?[0-9]{3}\\.?[0-9]{3}[\\s-]?[A-Za-z]|[XYZxyz][\\s-]?[0-9]{7}[\\s-]?[A-Za-z]|"
					+ "[ABCDEFGHJNPQRSUVW][\\s-]?[0-9]{7}[0-9A-J])(?![\\p{L}\\p{N}])");

	static final Pattern EMAIL = Pattern.compile("[^\\s@,;:()<>«»\"]+@[^\\s@,;:()<>«»\"]+\\.[A-Za-z]{2,}");

	/** Current plates (with the moped and historic prefixes) and the old provincial ones in capitals. */
	static final Pattern PLATE = Pattern.compile("(?<![\\p{L}\\p{N}])(?:[CHch][\\s-]?)?[0-9]{4}[\\s-]?[A-Za-z]{3}(?![\\p{L}\\p{N}])"
			+ "|(?<![\\p{L}\\p{N}])[A-Z]{1,2}[\\s-]?[0-9]{4}[\\s-]?[A-Z]{1,2}(?![\\p{L}\\p{N}])");

	/** A current plate (with the moped and historic prefixes) only. */
	static final Pattern CURRENT_PLATE = Pattern.compile(
			"(?<![\\p{L}\\p{N}])(?:[CHch][\\s-]?)?[0-9]{4}[\\s-]?[A-Za-z]{3}(?![\\p{L}\\p{N}])");

	static final Pattern PHONE = Pattern.compile("(?<![\\p{N}+])(?:\\+|00)?(?:34[\\s.-]?)?[6789](?:[\\s.-]?[0-9]){8}(?![\\p{N}])");

	static final Pattern POSTCODE = Pattern.compile("(?<![\\p{N}.,/])[0-9]{5}(?![\\p{N}.,/])");

	static final Pattern YEAR = Pattern.compile("(?<![\\p{N}.,/])(?:19[0-9]{2}|20[0-3][0-9])(?![\\p{N}.,/])");

	/** A number with an optional unit, alone. */
	static final Pattern MEASURE = Pattern.compile(
			"-?[0-9]+(?:[.,][0-9]+)?\\s*(?:mm|cm|m|metros?|milimetros?|centimetros?|l|litros?|w|vatios?|kw|cv|cc|kg|kilos?|"
					+ "plazas?|pistones|pulgadas|º|°)?\\.?");

	private ValueShapes() {
	}

	static Shape of(String piece, List<String> provinces) {
		String trimmed = piece.trim();
		String folded = fold(trimmed);
		if (whole(EMAIL, trimmed)) {
			return Shape.EMAIL;
		}
		if (whole(NIF, trimmed)) {
			return Shape.NIF;
		}
		// A VIN is one code, or written in capitals in groups: "Galfer Wave DF123CW" is not one.
		boolean oneCode = trimmed.matches("[A-Za-z0-9]{17}") || trimmed.matches("[A-Z0-9][A-Z0-9 -]+");
		if (oneCode && trimmed.replaceAll("[\\s-]", "").matches("(?=[A-Za-z0-9]*[0-9])(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{17}")) {
			return Shape.VIN;
		}
		if (whole(PLATE, trimmed)) {
			return Shape.PLATE;
		}
		if (whole(PHONE, trimmed)) {
			return Shape.PHONE;
		}
		if (whole(POSTCODE, trimmed)) {
			return Shape.POSTCODE;
		}
		if (whole(YEAR, trimmed)) {
			return Shape.YEAR;
		}
		if (whole(MEASURE, folded)) {
			return Shape.MEASURE;
		}
		if (province(folded, provinces).isPresent()) {
			return Shape.PROVINCE;
		}
		if (folded.startsWith("itv ") || folded.startsWith("estacion itv") || folded.startsWith("estacion de itv")) {
			return Shape.ITV;
		}
		return Shape.TEXT;
	}

	/** The province a piece names ("Sevilla", "provincia de Sevilla"), as the catalogue spells it. */
	static Optional<String> province(String folded, List<String> provinces) {
		String bare = folded.replaceAll("^(?:la |en la |en )?provincia de ", "").replaceAll("[.!]+$", "").trim();
		for (String province : provinces) {
			if (fold(province).equals(bare)) {
				return Optional.of(province);
			}
		}
		return Optional.empty();
	}

	/** The shape a field's values have; {@link Shape#TEXT} for free text. */
	static Shape of(FieldSpec spec) {
		String key = spec.key();
		if (key.equals("dni_nie_cif")) {
			return Shape.NIF;
		}
		if (key.equals("email")) {
			return Shape.EMAIL;
		}
		if (key.equals("matricula")) {
			return Shape.PLATE;
		}
		if (key.equals("bastidor")) {
			return Shape.VIN;
		}
		if (key.endsWith("_cp")) {
			return Shape.POSTCODE;
		}
		if (key.contains("telefono")) {
			return Shape.PHONE;
		}
		if (key.startsWith("anio")) {
			return Shape.YEAR;
		}
		if (key.startsWith("itv_nombre")) {
			return Shape.ITV;
		}
		if (key.endsWith("provincia")) {
			return Shape.PROVINCE;
		}
		return Shape.TEXT;
	}

	private static boolean whole(Pattern pattern, String text) {
		Matcher m = pattern.matcher(text);
		return m.matches();
	}

	static String fold(String text) {
		return Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
			.replaceAll("\\s+", " ").trim();
	}

	/** Lower case without accents, one character for one, so positions match the original text. */
	static String foldSameLength(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
			out.append(Character.toLowerCase(base.charAt(0)));
		}
		return out.toString();
	}

}
