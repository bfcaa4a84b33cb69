package es.msia.bot.catalog;

import java.util.List;

/**
 * An umbrella element named generically ("la suspension", "los intermitentes"): it cannot be priced
 * until the customer answers {@code questionEs}; pass the answer to
 * {@link ElementMatcher#resolveVariantAnswer}.
 *
 * @param umbrellaCode umbrella element code
 * @param umbrellaNameEs display name
 * @param questionEs the catalogue's {@code variant_question_es}
 * @param options the variants to choose from
 * @param matchedText the customer's words that named it
 * @param quantity quantity the customer stated, 0 if none
 */
public record PendingVariantQuestion(String umbrellaCode, String umbrellaNameEs, String questionEs,
		List<VariantOption> options, String matchedText, int quantity) implements java.io.Serializable {

	public PendingVariantQuestion {
		options = List.copyOf(options);
	}

}
