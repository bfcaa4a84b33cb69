package es.msia.bot.catalog.web;

/** A request named a category slug the catalogue does not have (404). */
class UnknownCategory extends RuntimeException {

	UnknownCategory(String slug) {
		super("Unknown category '" + slug + "'");
	}

}
