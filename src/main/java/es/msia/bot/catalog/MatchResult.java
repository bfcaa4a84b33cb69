package es.msia.bot.catalog;

import java.util.List;

/**
 * What {@link ElementMatcher} understood from a message. Never guesses: unresolved umbrellas are
 * questions and unrecognised modifications are unknown terms for a person to review.
 *
 * @param items priceable items, in the order of the message
 * @param pendingQuestions umbrellas named generically, which need their variant question
 * @param excludedCodes element, variant or umbrella codes the customer explicitly excluded
 * @param unknownTerms words after a modification verb that match no element (e.g. "turbo")
 */
public record MatchResult(List<MatchedItem> items, List<PendingVariantQuestion> pendingQuestions,
		List<String> excludedCodes, List<String> unknownTerms) {

	public MatchResult {
		items = List.copyOf(items);
		pendingQuestions = List.copyOf(pendingQuestions);
		excludedCodes = List.copyOf(excludedCodes);
		unknownTerms = List.copyOf(unknownTerms);
	}

	/** The item codes, ready for {@link QuoteEngine#quote(String, java.util.Collection)}. */
	public List<String> itemCodes() {
		return this.items.stream().map(MatchedItem::code).toList();
	}

	/** Whether the message named nothing from the catalogue. */
	public boolean isEmpty() {
		return this.items.isEmpty() && this.pendingQuestions.isEmpty() && this.unknownTerms.isEmpty();
	}

}
