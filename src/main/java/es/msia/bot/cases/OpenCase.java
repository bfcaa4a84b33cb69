package es.msia.bot.cases;

import java.util.List;

import es.msia.bot.catalog.Quote;
import org.jspecify.annotations.Nullable;

/**
 * What opening a case needs: the conversation, the customer, and the accepted quote.
 *
 * @param conversationId Chatwoot conversation
 * @param customerId customer row, when known
 * @param quote the accepted quote (tier, price, items, catalogue version)
 */
public record OpenCase(long conversationId, @Nullable Long customerId, Quote quote) {

	/** The quoted item codes. */
	public List<String> itemCodes() {
		return quote.items().stream().map(es.msia.bot.catalog.QuotedItem::code).toList();
	}

}
