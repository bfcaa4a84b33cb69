package es.msia.bot.cases;

import java.util.regex.Pattern;

/**
 * A Spanish tax id: DNI (8 digits + check letter), NIE (X/Y/Z + 7 digits + check letter) or CIF (letter
 * + 7 digits + control digit or letter). Self-validating: {@link #of(String)} refuses a wrong check
 * character.
 *
 * @param value normalised value (upper case, no spaces, dots or hyphens)
 */
public record Nif(String value) {

	private static final String LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

	private static final Pattern DNI = Pattern.compile("[0-9]{8}[A-Z]");

	private static final Pattern NIE = Pattern.compile("[XYZ][0-9]{7}[A-Z]");

	private static final Pattern CIF = Pattern.compile("[ABCDEFGHJNPQRSUVW][0-9]{7}[0-9A-J]");

	public Nif {
		value = Normalize.compactUpper(value);
		if (DNI.matcher(value).matches() || NIE.matcher(value).matches()) {
			String digits = "XYZ".indexOf(value.charAt(0)) >= 0
					? "XYZ".indexOf(value.charAt(0)) + value.substring(1, 8) : value.substring(0, 8);
			if (LETTERS.charAt(Integer.parseInt(digits) % 23) != value.charAt(8)) {
				throw new InvalidValue("nif.letter", value);
			}
		}
		else if (CIF.matcher(value).matches()) {
			if (!cifControlMatches(value)) {
				throw new InvalidValue("nif.control", value);
			}
		}
		else {
			throw new InvalidValue("nif.format", value);
		}
	}

	public static Nif of(String raw) {
		return new Nif(raw);
	}

	/** Whether this is a company id (CIF). */
	public boolean isCompany() {
		return !Character.isDigit(value.charAt(0)) && "XYZ".indexOf(value.charAt(0)) < 0;
	}

	private static boolean cifControlMatches(String cif) {
		int sum = 0;
		for (int i = 1; i <= 7; i++) {
			int digit = cif.charAt(i) - '0';
			if (i % 2 == 1) {
				int doubled = digit * 2;
				sum += doubled / 10 + doubled % 10;
			}
			else {
				sum += digit;
			}
		}
		int control = (10 - sum % 10) % 10;
		char given = cif.charAt(8);
		char letter = "JABCDEFGHI".charAt(control);
		char kind = cif.charAt(0);
		if ("PQRSNW".indexOf(kind) >= 0) {
			return given == letter;
		}
		if ("ABEH".indexOf(kind) >= 0) {
			return given == (char) ('0' + control);
		}
		return given == letter || given == (char) ('0' + control);
	}

}
