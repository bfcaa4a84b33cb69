package es.msia.bot.catalog;

/**
 * The {@code when} of a {@link FieldSpec}: the field applies only when field {@code field} of the same
 * record has value {@code expected}. The reserved field {@code variant} refers to the chosen variant code.
 *
 * @param field key of the field the condition reads
 * @param expected expected value as text: {@code "true"}/{@code "false"} for booleans, the option or
 * variant code otherwise
 */
public record FieldCondition(String field, String expected) {

	/** Reserved key meaning "the variant chosen for this umbrella element". */
	public static final String VARIANT_FIELD = "variant";

	/** Whether the given value (Boolean, String...) satisfies the condition. */
	public boolean isSatisfiedBy(Object value) {
		return this.expected.equals(String.valueOf(value));
	}

}
