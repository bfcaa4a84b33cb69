package es.msia.bot.catalog;

import java.util.Arrays;

/**
 * Kind of vehicle the customer wants to legalise. The catalogue only prices {@link #MOTO} and
 * {@link #AUTOCARAVANA}; the other values exist so that a request for them can be answered with an
 * explicit {@link NoTariff} instead of a guess.
 */
public enum VehicleType {

	MOTO("moto"), AUTOCARAVANA("autocaravana"), COCHE("coche"), FURGONETA("furgoneta"), OTRO("otro");

	private final String code;

	VehicleType(String code) {
		this.code = code;
	}

	/** The catalogue code, e.g. {@code "moto"}. */
	public String code() {
		return this.code;
	}

	/** Parses a catalogue code such as {@code "autocaravana"}. */
	public static VehicleType fromCode(String code) {
		return Arrays.stream(values())
			.filter((type) -> type.code.equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown vehicle type: " + code));
	}

}
