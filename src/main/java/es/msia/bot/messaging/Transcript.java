package es.msia.bot.messaging;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import es.msia.bot.customers.CustomerId;
import es.msia.bot.messaging.redis.IncomingStream;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The conversation transcript in PostgreSQL: what the customer, the bot and human agents said.
 */
@Service
public class Transcript {

	/** One line of a transcript. */
	public record Line(long id, long conversationId, String direction, String senderKind, @Nullable String senderName,
			@Nullable String content, Instant at, @Nullable String traceId) {
	}

	private final JdbcClient jdbc;

	private final IncomingStream stream;

	Transcript(JdbcClient jdbc, IncomingStream stream) {
		this.jdbc = jdbc;
		this.stream = stream;
	}

	/** The conversations of a customer, oldest first. */
	public List<Long> conversationsOf(CustomerId customer) {
		return jdbc.sql("SELECT id FROM conversations WHERE customer_id = :c ORDER BY id")
			.param("c", customer.value())
			.query(Long.class)
			.list();
	}

	/**
	 * GDPR erasure: deletes the conversations' transcripts (PostgreSQL) and their entries in the Redis
	 * streams. The conversation rows stay, without content, because expedientes point to them.
	 *
	 * @return how many messages were deleted
	 */
	public int erase(Collection<Long> conversationIds) {
		if (conversationIds.isEmpty()) {
			return 0;
		}
		int deleted = jdbc.sql("DELETE FROM messages WHERE conversation_id IN (:ids)")
			.param("ids", List.copyOf(conversationIds))
			.update();
		stream.forget(Set.copyOf(conversationIds));
		return deleted;
	}

	/** Records a reply of the bot once it left the outbox. */
	public void recordBotReply(long conversationId, @Nullable Long chatwootMessageId, String content, Instant at) {
		jdbc.sql("""
				INSERT INTO messages (conversation_id, chatwoot_message_id, direction, sender_kind, content, created_at)
				SELECT :conversation, :cw, 'outbound', 'bot', :content, :at
				WHERE EXISTS (SELECT 1 FROM conversations WHERE id = :conversation)
				ON CONFLICT (chatwoot_message_id) DO NOTHING""")
			.param("conversation", conversationId)
			.param("cw", chatwootMessageId)
			.param("content", content)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** The latest lines of a conversation, oldest first. */
	public List<Line> latest(long conversationId, int limit) {
		return jdbc.sql("""
				SELECT * FROM (SELECT id, conversation_id, direction, sender_kind, sender_name, content, created_at, trace_id
				               FROM messages WHERE conversation_id = :conversation ORDER BY id DESC LIMIT :limit) t
				ORDER BY id""")
			.param("conversation", conversationId)
			.param("limit", limit)
			.query((rs, n) -> new Line(rs.getLong("id"), rs.getLong("conversation_id"), rs.getString("direction"),
					rs.getString("sender_kind"), rs.getString("sender_name"), rs.getString("content"),
					rs.getTimestamp("created_at").toInstant(), rs.getString("trace_id")))
			.list();
	}

}
