package es.msia.bot.catalog;

import org.jspecify.annotations.Nullable;

/**
 * One counted item of a quote (a plain element or a chosen variant).
 *
 * @param code element or variant code
 * @param nameEs display name
 * @param group group code it counted in
 * @param groupNameEs display name of the group
 * @param umbrellaCode the umbrella element of a variant; {@code null} for plain elements
 */
public record QuotedItem(String code, String nameEs, String group, String groupNameEs, @Nullable String umbrellaCode) implements java.io.Serializable {

	/** Whether this item is a variant of an umbrella element. */
	public boolean isVariant() {
		return this.umbrellaCode != null;
	}

}
