package es.msia.bot.catalog;

/**
 * The requested selection cannot be priced as given: unknown category or code, an empty selection, or
 * an umbrella code that was not resolved to a variant first ({@link UmbrellaNotResolved}).
 */
public class QuoteNotPossible extends IllegalArgumentException {

	public QuoteNotPossible(String message) {
		super(message);
	}

}
