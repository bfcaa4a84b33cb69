package es.msia.bot.cases;

import java.util.regex.Pattern;

/**
 * A Spanish number plate: current ({@code 0000 BBB}, consonants only), moped ({@code C 1234 BBB}), historic
 * ({@code H 1234 BBB}) or old provincial ({@code M 1234 AB}, {@code MA 1234 A}, {@code PM 123456}).
 *
 * @param value normalised plate (upper case, no spaces or hyphens)
 */
public record Plate(String value) {

	private static final Pattern CURRENT = Pattern.compile("[CH]?[0-9]{4}[BCDFGHJKLMNPRSTVWXYZ]{3}");

	private static final Pattern PROVINCIAL = Pattern.compile("[A-Z]{1,3}[0-9]{4,6}[A-Z]{0,2}");

	public Plate {
		value = Normalize.compactUpper(value);
		if (value.matches("[CH]?[0-9]{4}[A-Z]{3}") && !CURRENT.matcher(value).matches()) {
			throw new InvalidValue("plate.vowels", value);
		}
		if (!CURRENT.matcher(value).matches() && !PROVINCIAL.matcher(value).matches()) {
			throw new InvalidValue("plate.format", value);
		}
	}

	public static Plate of(String raw) {
		return new Plate(raw);
	}

}
