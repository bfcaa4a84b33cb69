package es.msia.bot.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A priceable item recognised in a message: a plain element or a variant.
 *
 * @param code element or variant code (ready for {@link QuoteEngine})
 * @param nameEs display name
 * @param matchedText the customer's words that named it
 * @param variant whether {@code code} is a variant
 * @param umbrellaCode the umbrella of a variant, otherwise {@code null}
 * @param quantity quantity the customer stated ("dos intermitentes" = 2), 0 if none; informative only,
 * the item still counts once
 */
public record MatchedItem(String code, String nameEs, String matchedText, boolean variant,
		@Nullable String umbrellaCode, int quantity) {
}
