package es.msia.bot.catalog;

/** Data type of a {@link FieldSpec}. */
public enum FieldType {

	TEXT, NUMBER, BOOLEAN, SELECT;

	/** Parses the catalogue spelling ({@code "text"}, {@code "select"}...). */
	public static FieldType fromCode(String code) {
		return valueOf(code.toUpperCase(java.util.Locale.ROOT));
	}

}
