package es.msia.bot.catalog;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tariff (T6 ... T1) of a category.
 *
 * @param code stable key ({@code T6} ... {@code T1})
 * @param nameEs display name
 * @param price price in euros excluding VAT
 * @param requiresProject whether the engineer writes a project
 * @param admits group code to maximum count; a {@code null} value means unlimited and a group that is
 * not a key is not admitted at all
 * @param includesEs what the tariff includes
 * @param turnaroundEs turnaround text
 */
public record TierDefinition(String code, String nameEs, BigDecimal price, boolean requiresProject,
		Map<String, Integer> admits, String includesEs, String turnaroundEs) {

	public TierDefinition {
		// Map.copyOf rejects null values, and null is meaningful here (= unlimited).
		admits = Collections.unmodifiableMap(new LinkedHashMap<>(admits));
	}

	/** Whether this tier admits {@code count} items of the group (CATALOG.md section 2). */
	public boolean admits(String groupCode, int count) {
		if (count == 0) {
			return true;
		}
		if (!this.admits.containsKey(groupCode)) {
			return false;
		}
		Integer cap = this.admits.get(groupCode);
		return cap == null || count <= cap;
	}

}
