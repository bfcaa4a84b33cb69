package es.msia.bot.catalog.jdbc;

/** The category or catalogue row an admin edit addresses does not exist. */
public class CatalogRowNotFound extends RuntimeException {

	public CatalogRowNotFound(String what) {
		super(what + " not found");
	}

}
