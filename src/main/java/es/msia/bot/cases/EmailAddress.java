package es.msia.bot.cases;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address as customers type it: trimmed, lower-cased, one {@code @}, a dotted domain.
 *
 * @param value normalised address
 */
public record EmailAddress(String value) {

	private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[a-z]{2,}");

	public EmailAddress {
		value = value.trim().toLowerCase(Locale.ROOT);
		if (!SHAPE.matcher(value).matches() || value.contains("..")) {
			throw new InvalidValue("email.format", value);
		}
	}

	public static EmailAddress of(String raw) {
		return new EmailAddress(raw);
	}

}
