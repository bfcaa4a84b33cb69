package es.msia.bot.conversation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import es.msia.bot.conversation.flow.DialogueState;
import es.msia.bot.conversation.graph.ConversationGraph;
import es.msia.bot.conversation.quotes.QuoteRecords;
import es.msia.bot.conversation.state.ConversationState;
import es.msia.bot.shared.SimulatedConversations;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Read model of conversations for the panel: where one conversation stands (its graph state and last
 * quote), the list of conversations and the service's daily figures. Read-only; every change goes
 * through the modules that own it (handoff, customers, catalog).
 * <p>
 * The list and the figures are reporting queries over the tables of messaging (conversations, messages),
 * customers and handoff (owners, escalations): joining them in SQL is cheaper and simpler than asking
 * each module per row, and nothing is written.
 */
@Service
public class ConversationView {

	/**
	 * Where a conversation stands.
	 *
	 * @param phase phase name ({@code NEW}, {@code COLLECTING_ELEMENTS}, ...), {@code NEW} before any turn
	 * @param items element codes collected so far
	 * @param pendingQuestions variant questions still open (Spanish)
	 * @param unknownTerms words the engine did not recognise
	 * @param lastCommands what the engine understood in the last turn
	 * @param quote the last quote offered or accepted
	 */
	public record Snapshot(String phase, List<String> items, List<String> pendingQuestions, List<String> unknownTerms,
			String offer, List<String> lastCommands, Optional<LastQuote> quote) {
	}

	/** A quote given in the conversation. */
	public record LastQuote(String tierCode, BigDecimal tierPrice, BigDecimal totalWithVat, List<String> items,
			String status, String catalogVersion, Instant at) {
	}

	/**
	 * One row of the conversation list.
	 *
	 * @param owner {@code BOT}, {@code HUMAN} or {@code PAUSED}
	 */
	public record Summary(long id, @Nullable Long customerId, @Nullable String customerName,
			@Nullable String phone, String owner, boolean escalated, @Nullable String lastMessage, Instant lastActivity) {

		/** True for a conversation of the panel's simulator. */
		public boolean simulated() {
			return SimulatedConversations.isSimulated(id);
		}

	}

	/**
	 * Filters of the conversation list.
	 *
	 * @param text part of the customer's name or phone, or the conversation id; blank = all
	 * @param owner {@code BOT}, {@code HUMAN}, {@code PAUSED}; blank = any
	 * @param withCaseOnly only conversations in which an expediente was opened
	 */
	public record Filter(String text, String owner, boolean escalatedOnly, boolean withCaseOnly, @Nullable Long customerId,
			int limit) {

		public Filter(String text, String owner, boolean escalatedOnly, @Nullable Long customerId, int limit) {
			this(text, owner, escalatedOnly, false, customerId, limit);
		}

	}

	/**
	 * Conversations that had a customer message, and quotes given, on one day (Europe/Madrid). Simulated
	 * conversations are left out of this and of {@link Figures}: they are staff trying the bot.
	 */
	public record Day(LocalDate day, long conversations, long quotes) {
	}

	/** Today's headline figures; {@code customers} = customers with at least one real conversation. */
	public record Figures(long conversationsToday, long quotesToday, long quotesThisMonth, long pendingHandoffs,
			long humanOwned, long customers) {
	}

	private final ConversationGraph graph;

	private final QuoteRecords quotes;

	private final JdbcClient jdbc;

	ConversationView(ConversationGraph graph, QuoteRecords quotes, JdbcClient jdbc) {
		this.graph = graph;
		this.quotes = quotes;
		this.jdbc = jdbc;
	}

	/** The conversation's state from its latest checkpoint and its last quote. */
	public Snapshot snapshot(long conversationId) {
		Optional<ConversationState> state = graph.latest(conversationId);
		Optional<DialogueState> dialogue = state.flatMap(ConversationState::dialogue);
		Optional<LastQuote> quote = quotes.latest(conversationId)
			.map(q -> new LastQuote(q.tierCode(), q.tierPrice(), q.totalWithVat(), q.items(), q.status(),
					q.catalogVersion(), q.createdAt()));
		return new Snapshot(dialogue.map(d -> d.phase().name()).orElse("NEW"),
				dialogue.map(DialogueState::items).orElse(List.of()),
				dialogue.map(d -> d.pending().stream().map(p -> p.umbrellaNameEs() + ": " + p.questionEs()).toList())
					.orElse(List.of()),
				dialogue.map(DialogueState::unknownTerms).orElse(List.of()),
				dialogue.map(d -> d.offer().name()).orElse("NONE"),
				state.map(s -> s.commands().stream().map(Object::toString).toList()).orElse(List.of()), quote);
	}

	/** Conversations matching the filter, most recent activity first. */
	public List<Summary> list(Filter filter) {
		String text = filter.text().trim();
		return jdbc.sql("""
				SELECT c.id, c.customer_id, cu.name, cu.phone, coalesce(o.owner, 'BOT') AS owner,
				       EXISTS (SELECT 1 FROM escalations e WHERE e.conversation_id = c.id AND e.status = 'open') AS escalated,
				       (SELECT m.content FROM messages m WHERE m.conversation_id = c.id ORDER BY m.id DESC LIMIT 1) AS last_message,
				       greatest(c.created_at, c.updated_at, coalesce(c.last_customer_message_at, c.created_at)) AS activity
				FROM conversations c
				LEFT JOIN customers cu ON cu.id = c.customer_id
				LEFT JOIN conversation_owners o ON o.conversation_id = c.id
				WHERE (:text = '' OR c.id::text = :text OR lower(coalesce(cu.name, '')) LIKE '%' || lower(:text) || '%'
				       OR cu.phone LIKE '%' || :text || '%')
				  AND (:owner = '' OR coalesce(o.owner, 'BOT') = :owner)
				  AND (NOT :escalated OR EXISTS (SELECT 1 FROM escalations e WHERE e.conversation_id = c.id AND e.status = 'open'))
				  AND (NOT :withCase OR EXISTS (SELECT 1 FROM cases k WHERE k.conversation_id = c.id))
				  AND (CAST(:customer AS BIGINT) IS NULL OR c.customer_id = :customer)
				ORDER BY activity DESC, c.id DESC LIMIT :limit""")
			.param("text", text)
			.param("owner", filter.owner().trim())
			.param("escalated", filter.escalatedOnly())
			.param("withCase", filter.withCaseOnly())
			.param("customer", filter.customerId())
			.param("limit", filter.limit())
			.query((rs, n) -> new Summary(rs.getLong("id"), (Long) rs.getObject("customer_id"), rs.getString("name"),
					rs.getString("phone"), rs.getString("owner"), rs.getBoolean("escalated"), rs.getString("last_message"),
					rs.getTimestamp("activity").toInstant()))
			.list();
	}

	/** Conversations and quotes per day over the last {@code days} days, oldest first, days without any included. */
	public List<Day> daily(int days) {
		return jdbc.sql("""
				SELECT d::date AS day,
				  (SELECT count(DISTINCT m.conversation_id) FROM messages m
				    WHERE m.direction = 'inbound' AND m.conversation_id < :simulated
				      AND (m.created_at AT TIME ZONE 'Europe/Madrid')::date = d::date) AS conversations,
				  (SELECT count(*) FROM conversation_quotes q
				    WHERE q.conversation_id < :simulated AND (q.created_at AT TIME ZONE 'Europe/Madrid')::date = d::date) AS quotes
				FROM generate_series((now() AT TIME ZONE 'Europe/Madrid')::date - (:days - 1),
				                     (now() AT TIME ZONE 'Europe/Madrid')::date, interval '1 day') AS d
				ORDER BY d""")
			.param("days", days)
			.param("simulated", SimulatedConversations.FIRST_ID)
			.query((rs, n) -> new Day(rs.getDate("day").toLocalDate(), rs.getLong("conversations"), rs.getLong("quotes")))
			.list();
	}

	/** Today's figures (Europe/Madrid). */
	public Figures figures(Instant now) {
		return jdbc.sql("""
				WITH today AS (SELECT date_trunc('day', CAST(:now AS timestamptz) AT TIME ZONE 'Europe/Madrid')
				                        AT TIME ZONE 'Europe/Madrid' AS start,
				                      date_trunc('month', CAST(:now AS timestamptz) AT TIME ZONE 'Europe/Madrid')
				                        AT TIME ZONE 'Europe/Madrid' AS month)
				SELECT
				  (SELECT count(DISTINCT conversation_id) FROM messages, today
				    WHERE direction = 'inbound' AND conversation_id < :simulated AND created_at >= today.start) AS conversations_today,
				  (SELECT count(*) FROM conversation_quotes, today
				    WHERE conversation_id < :simulated AND created_at >= today.start) AS quotes_today,
				  (SELECT count(*) FROM conversation_quotes, today
				    WHERE conversation_id < :simulated AND created_at >= today.month) AS quotes_month,
				  (SELECT count(*) FROM escalations WHERE status = 'open' AND conversation_id < :simulated) AS pending_handoffs,
				  (SELECT count(*) FROM conversation_owners WHERE owner = 'HUMAN' AND conversation_id < :simulated) AS human_owned,
				  (SELECT count(DISTINCT customer_id) FROM conversations WHERE id < :simulated) AS customers""")
			.param("now", Timestamp.from(now))
			.param("simulated", SimulatedConversations.FIRST_ID)
			.query((rs, n) -> new Figures(rs.getLong("conversations_today"), rs.getLong("quotes_today"),
					rs.getLong("quotes_month"), rs.getLong("pending_handoffs"), rs.getLong("human_owned"),
					rs.getLong("customers")))
			.single();
	}

}
