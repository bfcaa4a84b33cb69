package es.msia.bot.conversation.quotes;

import java.util.List;
import java.util.Optional;

import es.msia.bot.catalog.Quote;
import es.msia.bot.catalog.QuotedItem;
import es.msia.bot.conversation.flow.DialogueState;
import es.msia.bot.conversation.flow.Phase;
import es.msia.bot.conversation.state.TurnInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The quotes customers were given: the business record (what we told whom, at which catalogue
 * version), and what rebuilds a dialogue whose checkpoint was lost.
 */
@Component
public class QuoteRecords {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	QuoteRecords(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Records the quote of a turn; the earlier offered quotes of the conversation are superseded. */
	public void record(TurnInput turn, Quote quote) {
		List<String> items = quote.items().stream().map(QuotedItem::code).toList();
		// One statement, one commit: the superseding runs only when this turn's quote is new (a turn
		// handled twice records it once and changes nothing).
		jdbc.sql("""
				WITH inserted AS (
				  INSERT INTO conversation_quotes (conversation_id, message_id, category, tier_code, tier_price, subtotal,
				    total_with_vat, items, quote, catalog_version)
				  VALUES (:conversation, :message, :category, :tier, :price, :subtotal, :total, CAST(:items AS jsonb),
				    CAST(:quote AS jsonb), :version)
				  ON CONFLICT (message_id) DO NOTHING
				  RETURNING id)
				UPDATE conversation_quotes SET status = 'superseded'
				WHERE EXISTS (SELECT 1 FROM inserted)
				  AND conversation_id = :conversation AND status = 'offered' AND message_id <> :message""")
			.param("conversation", turn.conversationId())
			.param("message", turn.messageId())
			.param("category", quote.categorySlug())
			.param("tier", quote.tierCode())
			.param("price", quote.tierPrice())
			.param("subtotal", quote.subtotal())
			.param("total", quote.totalWithVat())
			.param("items", json.writeValueAsString(items))
			.param("quote", json.writeValueAsString(quote))
			.param("version", quote.catalogVersion())
			.update();
	}

	/** Marks the conversation's current quote as accepted. */
	public void accept(long conversationId) {
		jdbc.sql("""
				UPDATE conversation_quotes SET status = 'accepted', accepted_at = now()
				WHERE conversation_id = :conversation AND status = 'offered'""")
			.param("conversation", conversationId)
			.update();
	}

	/** The dialogue as the last offered quote left it, for a conversation whose checkpoint is gone. */
	public Optional<DialogueState> restore(long conversationId) {
		return latest(conversationId).map(view -> new DialogueState(Phase.QUOTED, view.items(), List.of(), List.of(),
				DialogueState.Offer.OPEN_CASE, 0, List.of()));
	}

	/** The conversation's latest quote that is still offered or was accepted. */
	public Optional<QuoteView> latest(long conversationId) {
		return jdbc.sql("""
				SELECT tier_code, tier_price, total_with_vat, items::text AS items, status, catalog_version, created_at
				FROM conversation_quotes WHERE conversation_id = :conversation AND status IN ('offered', 'accepted')
				ORDER BY id DESC LIMIT 1""")
			.param("conversation", conversationId)
			.query((rs, n) -> new QuoteView(rs.getString("tier_code"), rs.getBigDecimal("tier_price"),
					rs.getBigDecimal("total_with_vat"), List.of(json.readValue(rs.getString("items"), String[].class)),
					rs.getString("status"), rs.getString("catalog_version"), rs.getTimestamp("created_at").toInstant()))
			.optional();
	}

	/** Read model of a recorded quote. */
	public record QuoteView(String tierCode, java.math.BigDecimal tierPrice, java.math.BigDecimal totalWithVat,
			List<String> items, String status, String catalogVersion, java.time.Instant createdAt) {
	}

}
