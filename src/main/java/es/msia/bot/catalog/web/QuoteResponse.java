package es.msia.bot.catalog.web;

import java.util.List;

import es.msia.bot.catalog.MatchedItem;
import es.msia.bot.catalog.PendingVariantQuestion;
import es.msia.bot.catalog.Quote;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Answer of {@code POST /api/quotes}. {@code outcome} says which fields are present: {@code quote}
 * (field {@code quote}), {@code questions} ({@code questions} to ask before pricing),
 * {@code unknown_terms} ({@code unknownTerms} a person must review), {@code nothing_recognised} or
 * {@code no_tariff} ({@code reasonEs}).
 */
record QuoteResponse(
		@Schema(allowableValues = { "quote", "questions", "unknown_terms", "nothing_recognised", "no_tariff" })
		String outcome, String catalogVersion, @Nullable String categorySlug, @Nullable Quote quote,
		@Nullable List<PendingVariantQuestion> questions, @Nullable List<String> unknownTerms,
		@Nullable List<MatchedItem> recognised, @Nullable List<String> excluded, @Nullable String reasonEs) {

	static QuoteResponse quote(Quote quote) {
		return new QuoteResponse("quote", quote.catalogVersion(), quote.categorySlug(), quote, null, null, null, null,
				null);
	}

}
