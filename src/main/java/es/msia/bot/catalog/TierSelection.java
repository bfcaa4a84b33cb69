package es.msia.bot.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tier-selection rule of CATALOG.md section 2: the cheapest tier (in list order) whose caps admit
 * the count of items per group; if none does, the most expensive tier.
 *
 * @param tier the selected tier
 * @param countsByGroup number of items per group, in catalogue group order
 * @param fallback whether no tier admitted the set and the last tier was taken
 */
record TierSelection(TierDefinition tier, Map<String, Integer> countsByGroup, boolean fallback) {

	static TierSelection select(CategoryDefinition category, List<QuotedItem> items) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		category.groups().forEach((g) -> counts.put(g.code(), 0));
		items.forEach((item) -> counts.merge(item.group(), 1, Integer::sum));
		for (TierDefinition tier : category.tiers()) {
			if (counts.entrySet().stream().allMatch((c) -> tier.admits(c.getKey(), c.getValue()))) {
				return new TierSelection(tier, counts, false);
			}
		}
		List<TierDefinition> tiers = category.tiers();
		return new TierSelection(tiers.get(tiers.size() - 1), counts, true);
	}

}
