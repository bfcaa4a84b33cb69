package es.msia.bot.catalog.jdbc;

import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue tables whose audited changes can be reverted. {@code catalog_meta} is left out on
 * purpose: its before-image carries the revision counter, which must only ever grow.
 */
enum AuditedTable {

	CATEGORIES("catalog_categories"), GROUPS("catalog_groups"),
	TIERS("catalog_tiers"), TIER_ADMITS("catalog_tier_admits"),
	ELEMENTS("catalog_elements"), WARNINGS("catalog_warnings"),
	ELEMENT_FIELDS("catalog_element_fields"),
	ELEMENT_PHOTOS("catalog_element_photos"),
	ELEMENT_IMAGES("catalog_element_images"),
	SURCHARGES("catalog_surcharges"), EXTRAS("catalog_extras"),
	BASE_DOCUMENTS("catalog_base_documents");

	private final String tableName;

	AuditedTable(String tableName) {
		this.tableName = tableName;
	}

	static Optional<AuditedTable> of(String tableName) {
		return Arrays.stream(values()).filter((t) -> t.tableName.equals(tableName)).findFirst();
	}

	/** The SQL table name (a constant, so safe to concatenate). */
	String tableName() {
		return this.tableName;
	}

	/** The JSON property of a row image that names its category. */
	String categoryColumn() {
		return (this == CATEGORIES) ? "slug" : "category";
	}

}
