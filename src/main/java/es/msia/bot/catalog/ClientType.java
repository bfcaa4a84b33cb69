package es.msia.bot.catalog;

import java.util.Arrays;

/**
 * Kind of customer, taken from the CRM (never asked to the customer). Together with the
 * {@link VehicleType} it decides which price list applies.
 */
public enum ClientType {

	PARTICULAR("particular"), PROFESIONAL("profesional");

	private final String code;

	ClientType(String code) {
		this.code = code;
	}

	/** The catalogue code, e.g. {@code "particular"}. */
	public String code() {
		return this.code;
	}

	/** Parses a catalogue code such as {@code "profesional"}. */
	public static ClientType fromCode(String code) {
		return Arrays.stream(values())
			.filter((type) -> type.code.equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown client type: " + code));
	}

}
