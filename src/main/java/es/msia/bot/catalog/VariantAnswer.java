package es.msia.bot.catalog;

import java.util.List;

/**
 * The customer's answer to a variant question, resolved to variant codes.
 *
 * @param umbrellaCode the umbrella asked about
 * @param variantCodes chosen variants; empty when the answer did not say (ask again or hand off)
 */
public record VariantAnswer(String umbrellaCode, List<String> variantCodes) {

	public VariantAnswer {
		variantCodes = List.copyOf(variantCodes);
	}

	/** Whether the answer named at least one variant. */
	public boolean isResolved() {
		return !this.variantCodes.isEmpty();
	}

}
