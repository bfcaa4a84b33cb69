package es.msia.bot.catalog;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One piece of data to collect from the customer (element data or case data).
 *
 * @param key stable key
 * @param labelEs the question to ask, in Spanish
 * @param type data type
 * @param options allowed values ({@link FieldType#SELECT} only, otherwise empty)
 * @param required whether the value is mandatory when the field applies
 * @param min plausibility lower bound for numbers
 * @param max plausibility upper bound for numbers
 * @param pattern regular expression the trimmed value must match
 * @param example example value to show
 * @param when condition under which the field applies; {@code null} = always
 */
public record FieldSpec(String key, String labelEs, FieldType type, List<String> options, boolean required,
		@Nullable BigDecimal min, @Nullable BigDecimal max, @Nullable String pattern, @Nullable String example,
		@Nullable FieldCondition when) {

	public FieldSpec {
		options = List.copyOf(options);
	}

}
