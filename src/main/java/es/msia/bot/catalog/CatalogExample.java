package es.msia.bot.catalog;

import java.math.BigDecimal;
import java.util.List;

/**
 * A worked example from the catalogue, reproduced exactly by the tier-selection rule.
 *
 * @param category category slug
 * @param elements countable item codes
 * @param tier expected tier code
 * @param price expected tier price
 * @param surcharges expected surcharge codes
 * @param total expected total excluding VAT (tier + surcharges)
 * @param justification why, in English, for developers
 */
public record CatalogExample(String category, List<String> elements, String tier, BigDecimal price,
		List<String> surcharges, BigDecimal total, String justification) {

	public CatalogExample {
		elements = List.copyOf(elements);
		surcharges = List.copyOf(surcharges);
	}

}
