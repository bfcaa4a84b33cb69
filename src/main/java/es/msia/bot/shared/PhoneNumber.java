package es.msia.bot.shared;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A phone number in E.164 form ({@code +34612345678}). WhatsApp ids come without the plus sign; both
 * forms are accepted.
 */
public record PhoneNumber(String value) {

	// Compiled once: every webhook parses a phone number.
	private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{6,14}$");

	private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()]");

	public PhoneNumber {
		if (!E164.matcher(value).matches()) {
			throw new IllegalArgumentException("Not an E.164 phone number: " + value);
		}
	}

	/** Normalises spaces, dots, hyphens, brackets and a leading 00; empty when it is not a phone number. */
	public static Optional<PhoneNumber> parse(String raw) {
		String digits = SEPARATORS.matcher(raw).replaceAll("");
		if (digits.startsWith("00")) {
			digits = "+" + digits.substring(2);
		}
		if (!digits.startsWith("+")) {
			digits = "+" + digits;
		}
		return E164.matcher(digits).matches() ? Optional.of(new PhoneNumber(digits)) : Optional.empty();
	}

	@Override
	public String toString() {
		return value;
	}

}
