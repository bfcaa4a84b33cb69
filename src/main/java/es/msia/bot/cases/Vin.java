package es.msia.bot.cases;

import java.util.regex.Pattern;

/**
 * A vehicle identification number (bastidor): 17 letters and digits, never I, O or Q.
 *
 * @param value normalised VIN
 */
public record Vin(String value) {

	private static final Pattern SHAPE = Pattern.compile("[A-HJ-NPR-Z0-9]{17}");

	public Vin {
		value = Normalize.compactUpper(value);
		if (value.length() != 17) {
			throw new InvalidValue("vin.length", value);
		}
		if (!SHAPE.matcher(value).matches()) {
			throw new InvalidValue("vin.letters", value);
		}
	}

	public static Vin of(String raw) {
		return new Vin(raw);
	}

}
