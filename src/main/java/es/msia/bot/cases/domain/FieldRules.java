package es.msia.bot.cases.domain;

import java.util.Map;
import java.util.regex.Pattern;

import es.msia.bot.cases.EmailAddress;
import es.msia.bot.cases.InvalidValue;
import es.msia.bot.cases.Measure;
import es.msia.bot.cases.Nif;
import es.msia.bot.cases.Plate;
import es.msia.bot.cases.PostalCode;
import es.msia.bot.cases.SelectOption;
import es.msia.bot.cases.SpanishBoolean;
import es.msia.bot.cases.Vin;
import es.msia.bot.catalog.FieldSpec;

/**
 * Validates and normalises one field value: the value objects for the fields that have one (by key), the
 * field type otherwise, then the catalogue's {@code pattern}. Throws {@link InvalidValue} with the reason.
 */
public final class FieldRules {

	private FieldRules() {
	}

	/** The normalised value to store. */
	public static String normalise(FieldSpec spec, String raw, Map<String, String> record) {
		String value = raw.trim();
		if (value.isEmpty()) {
			throw new InvalidValue("text.empty", value);
		}
		String normalised = byKey(spec, value, record);
		if (normalised == null) {
			normalised = byType(spec, value);
		}
		if (spec.pattern() != null && !Pattern.compile(spec.pattern()).matcher(normalised).matches()) {
			throw new InvalidValue("pattern", value);
		}
		return normalised;
	}

	private static String byKey(FieldSpec spec, String value, Map<String, String> record) {
		String key = spec.key();
		if (key.equals("dni_nie_cif")) {
			return Nif.of(value).value();
		}
		if (key.equals("email")) {
			return EmailAddress.of(value).value();
		}
		if (key.equals("matricula")) {
			return Plate.of(value).value();
		}
		if (key.equals("bastidor")) {
			return Vin.of(value).value();
		}
		if (key.endsWith("_cp")) {
			return PostalCode.of(value, record.get(key.replace("_cp", "_provincia"))).value();
		}
		if (key.contains("telefono")) {
			return value.replaceAll("[\\s.\\-]", "");
		}
		return null;
	}

	/** A length said in centimetres or metres ("65 cm", "2,35 m") for a field kept in millimetres. */
	private static String inMillimetres(FieldSpec spec, String value) {
		java.util.regex.Matcher m = METRIC.matcher(value.toLowerCase(java.util.Locale.ROOT));
		if (!spec.key().endsWith("_mm") || !m.matches()) {
			return value;
		}
		java.math.BigDecimal number = new java.math.BigDecimal(m.group(1).replace(',', '.'));
		int factor = m.group(2).startsWith("c") ? 10 : 1000;
		return number.multiply(java.math.BigDecimal.valueOf(factor)).stripTrailingZeros().toPlainString();
	}

	private static final Pattern METRIC = Pattern.compile("\\s*([0-9]+(?:[.,][0-9]+)?)\\s*(cm|centimetros?|centímetros?|m|metros?)\\.?\\s*");

	private static String byType(FieldSpec spec, String value) {
		switch (spec.type()) {
			case NUMBER:
				return Measure.of(inMillimetres(spec, value), spec.min(), spec.max()).text();
			case BOOLEAN:
				return String.valueOf(SpanishBoolean.of(value));
			case SELECT:
				return SelectOption.of(value, spec.options());
			default:
				return value;
		}
	}

}
