package es.msia.bot.catalog;

/** How prominently a {@link CatalogWarning} is shown: {@code info} or {@code warning}. */
public enum WarningSeverity {

	INFO, WARNING;

	/** Parses the catalogue spelling ({@code "info"}, {@code "warning"}). */
	public static WarningSeverity fromCode(String code) {
		return valueOf(code.toUpperCase(java.util.Locale.ROOT));
	}

}
