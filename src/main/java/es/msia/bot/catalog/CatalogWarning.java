package es.msia.bot.catalog;

/**
 * A text the customer must read with a quote.
 *
 * @param code stable key, unique within a category
 * @param severity how prominently to show it
 * @param textEs customer-facing Spanish text
 * @param scope {@code category} (always shown), {@code tier:T1} etc. (shown when that tier is quoted)
 * or {@code element} (shown when the element or one of its variants is quoted)
 */
public record CatalogWarning(String code, WarningSeverity severity, String textEs, String scope) implements java.io.Serializable {

	/** Scope given to warnings declared inside an element. */
	public static final String ELEMENT_SCOPE = "element";

	/** Whether this warning is shown when the given tier is quoted. */
	public boolean appliesToTier(String tierCode) {
		return this.scope.equals("tier:" + tierCode);
	}

	/** Whether this warning is always shown for its category. */
	public boolean isCategoryWide() {
		return this.scope.equals("category");
	}

}
