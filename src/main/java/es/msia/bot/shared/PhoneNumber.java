package es.msia.bot.shared;

import java.util.Optional;

/**
 * A phone number in E.164 form ({@code +34612345678}). WhatsApp ids come without the plus sign; both
 * forms are accepted.
 */
public record PhoneNumber(String value) {

	public PhoneNumber {
		if (!value.matches("^\\+[1-9]\\d{6,14}$")) {
			throw new IllegalArgumentException("Not an E.164 phone number: " + value);
		}
	}

	/** Normalises spaces, dots, hyphens, brackets and a leading 00; empty when it is not a phone number. */
	public static Optional<PhoneNumber> parse(String raw) {
		String digits = raw.replaceAll("[\\s.\\-()]", "");
		if (digits.startsWith("00")) {
			digits = "+" + digits.substring(2);
		}
		if (!digits.startsWith("+")) {
			digits = "+" + digits;
		}
		return digits.matches("^\\+[1-9]\\d{6,14}$") ? Optional.of(new PhoneNumber(digits)) : Optional.empty();
	}

	@Override
	public String toString() {
		return value;
	}

}
