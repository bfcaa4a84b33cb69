package es.msia.bot.catalog;

import java.util.List;

/**
 * An umbrella element (one with variants) was passed to the quote engine. Ask its
 * {@code variant_question_es} and quote the chosen variant codes instead.
 */
public class UmbrellaNotResolved extends QuoteNotPossible {

	private final String umbrellaCode;

	private final List<String> variantCodes;

	public UmbrellaNotResolved(String umbrellaCode, List<String> variantCodes) {
		super("Element " + umbrellaCode + " has variants and cannot be priced itself; resolve it to one of "
				+ variantCodes);
		this.umbrellaCode = umbrellaCode;
		this.variantCodes = List.copyOf(variantCodes);
	}

	/** The umbrella element code that was passed. */
	public String umbrellaCode() {
		return this.umbrellaCode;
	}

	/** The variant codes it can be resolved to. */
	public List<String> variantCodes() {
		return this.variantCodes;
	}

}
