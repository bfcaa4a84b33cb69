package es.msia.bot.cases;

import java.util.List;

import es.msia.bot.catalog.FieldSpec;

/**
 * The fields a case being collected asks for in its current question, so that understanding can read
 * their values from a message. What it reads is only a proposal: the case flow checks it with the same
 * rules as a typed value.
 *
 * @param scope whose values they are: {@code personal}, {@code vehicle}, {@code workshop} or {@code item:<code>}
 * @param subject what they are about, in Spanish (the item's name, or the scope for case data)
 * @param fields the open fields, in the order asked (one to three)
 */
public record OpenFields(String scope, String subject, List<FieldSpec> fields) {

	public OpenFields {
		fields = List.copyOf(fields);
	}

	/** Whether a field key is among the ones asked. */
	public boolean asks(String key) {
		return fields.stream().anyMatch(f -> f.key().equals(key));
	}

}
