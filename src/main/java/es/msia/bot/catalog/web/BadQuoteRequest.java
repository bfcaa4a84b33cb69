package es.msia.bot.catalog.web;

/** A quote request that cannot be understood (400). */
class BadQuoteRequest extends RuntimeException {

	BadQuoteRequest(String message) {
		super(message);
	}

}
