package es.msia.bot.catalog;

import java.math.BigDecimal;
import java.util.List;

/**
 * An amount added on top of the tier, once per quote.
 *
 * @param code stable key
 * @param nameEs display name
 * @param price amount in euros excluding VAT
 * @param appliesTo tier codes in which it can be added
 * @param onRequest whether the amount is subject to the engineer's confirmation
 * @param triggerElements element or variant codes that add it; empty = only staff add it
 */
public record SurchargeDefinition(String code, String nameEs, BigDecimal price, List<String> appliesTo,
		boolean onRequest, List<String> triggerElements) {

	public SurchargeDefinition {
		appliesTo = List.copyOf(appliesTo);
		triggerElements = List.copyOf(triggerElements);
	}

}
