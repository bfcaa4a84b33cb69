package es.msia.bot.catalog.jdbc;

/** The catalogue tables whose rows are addressed by (category, code), for deletes and existence checks. */
public enum CatalogTable {

	TIERS("catalog_tiers"), ELEMENTS("catalog_elements"), SURCHARGES("catalog_surcharges"), EXTRAS("catalog_extras"),
	BASE_DOCUMENTS("catalog_base_documents"), WARNINGS("catalog_warnings");

	private final String tableName;

	CatalogTable(String tableName) {
		this.tableName = tableName;
	}

	/** The SQL table name (a constant, so safe to concatenate). */
	String tableName() {
		return this.tableName;
	}

}
