package es.msia.bot.catalog;

import org.jspecify.annotations.Nullable;

/**
 * What a customer's message amounts to in price terms: a {@link Quote}, a {@link NoTariff}, or the
 * reason there is no price yet (variant questions to ask, modifications the catalogue does not know,
 * or nothing recognised). Never a guess: a price is given only when every named modification is known
 * and resolved.
 *
 * @param categorySlug category the message was matched against; {@code null} when there is no tariff
 * @param match what the matcher understood (empty for {@link Status#NO_TARIFF})
 * @param outcome the priced outcome; {@code null} unless the status is {@link Status#QUOTE} or
 * {@link Status#NO_TARIFF}
 */
public record TextQuote(@Nullable String categorySlug, MatchResult match, @Nullable QuoteOutcome outcome) {

	/** Which of the outcomes this is. */
	public Status status() {
		if (this.outcome instanceof NoTariff) {
			return Status.NO_TARIFF;
		}
		if (!this.match.pendingQuestions().isEmpty()) {
			return Status.QUESTIONS;
		}
		if (!this.match.unknownTerms().isEmpty()) {
			return Status.UNKNOWN_TERMS;
		}
		return (this.outcome == null) ? Status.NOTHING_RECOGNISED : Status.QUOTE;
	}

	/** The outcomes of {@link Catalog#quoteText}, in the order they take precedence. */
	public enum Status {

		/** No price list for this client and vehicle type. */
		NO_TARIFF,
		/** Umbrella elements were named generically: ask their variant questions first. */
		QUESTIONS,
		/** Modifications the catalogue does not know were named: a person reviews them. */
		UNKNOWN_TERMS,
		/** The message named no modification. */
		NOTHING_RECOGNISED,
		/** Priced. */
		QUOTE

	}

}
