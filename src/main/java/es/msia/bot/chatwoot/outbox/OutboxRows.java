package es.msia.bot.chatwoot.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import es.msia.bot.chatwoot.WhatsAppTemplate;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * SQL of the outbox. Claiming takes, per conversation, only the oldest reply not yet delivered, so
 * replies reach the customer in the order they were written; SKIP LOCKED lets several agents share
 * the table without blocking each other, and the lease frees replies whose sender died.
 */
@Component
class OutboxRows {

	/** @param uncertain an earlier attempt may have reached Chatwoot unconfirmed: look before sending again */
	record Claimed(long id, long conversationId, String content, boolean privateNote, int attempts,
			Instant createdAt, @Nullable String attachment, @Nullable Instant notAfter, boolean uncertain,
			@Nullable WhatsAppTemplate template) {
	}

	/**
	 * Claims due replies: per conversation only the oldest open one. Both lookups read the partial
	 * indexes of open replies (V0018), so a claim costs the same with ten replies sent or a million.
	 */
	static final String CLAIM = """
			UPDATE outbound_messages o
			SET status = 'sending', lease_until = now() + make_interval(secs => :lease), attempts = o.attempts + 1
			FROM (
			  SELECT c.id, c.status AS was FROM outbound_messages c
			  WHERE ((c.status = 'pending' AND c.next_attempt_at <= now())
			         OR (c.status = 'sending' AND c.lease_until < now()))
			    AND NOT EXISTS (SELECT 1 FROM outbound_messages p
			                    WHERE p.conversation_id = c.conversation_id AND p.id < c.id
			                      AND p.status IN ('pending', 'sending'))
			  ORDER BY c.id LIMIT :batch
			  FOR UPDATE SKIP LOCKED) due
			WHERE o.id = due.id
			RETURNING o.id, o.conversation_id, o.content, o.private_note, o.attempts, o.created_at, o.attachment,
			  o.not_after, due.was, o.last_error, o.template::text AS template""";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	OutboxRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Claimed> claimDue(int batch, Duration lease) {
		return jdbc.sql(CLAIM)
			.param("lease", lease.toSeconds())
			.param("batch", batch)
			.query((rs, n) -> new Claimed(rs.getLong("id"), rs.getLong("conversation_id"), rs.getString("content"),
					rs.getBoolean("private_note"), rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
					rs.getString("attachment"),
					rs.getTimestamp("not_after") == null ? null : rs.getTimestamp("not_after").toInstant(),
					mayHaveReachedChatwoot(rs.getString("was"), rs.getString("last_error")),
					rs.getString("template") == null ? null : JSON.readValue(rs.getString("template"), WhatsAppTemplate.class)))
			.list();
	}

	/**
	 * Whether an earlier attempt may have been stored by Chatwoot although we never saw its answer: the
	 * row's lease ran out while it was being sent (the sender died), the last attempt timed out or lost its
	 * connection, or the last look into the conversation could not tell. An HTTP error answer to the send
	 * itself (429, 5xx) means Chatwoot did not store it.
	 */
	private static boolean mayHaveReachedChatwoot(String was, @Nullable String lastError) {
		return "sending".equals(was) || lastError != null && (lastError.startsWith("timeout")
				|| lastError.startsWith("connection error") || lastError.startsWith(OutboxSender.UNCONFIRMED));
	}

	void markSent(long id, @Nullable Long chatwootMessageId) {
		markSent(id, chatwootMessageId, null);
	}

	/** @param sentAs {@code text} or {@code template} for a message with a template alternative */
	void markSent(long id, @Nullable Long chatwootMessageId, @Nullable String sentAs) {
		jdbc.sql("""
				UPDATE outbound_messages SET status = 'sent', chatwoot_message_id = :cw, delivered_at = now(),
				  lease_until = NULL, last_error = NULL, sent_as = :sentAs WHERE id = :id""")
			.param("cw", chatwootMessageId)
			.param("sentAs", sentAs)
			.param("id", id)
			.update();
	}

	/** Outside WhatsApp's 24-hour window: kept as the record of what could not be sent, for staff. */
	void markBlocked(long id) {
		jdbc.sql("""
				UPDATE outbound_messages SET status = 'blocked', lease_until = NULL,
				  last_error = 'fuera de la ventana de 24 h de WhatsApp' WHERE id = :id""")
			.param("id", id)
			.update();
	}

	void markKept(long id) {
		jdbc.sql("UPDATE outbound_messages SET status = 'kept', delivered_at = now(), lease_until = NULL WHERE id = :id")
			.param("id", id)
			.update();
	}

	void reschedule(long id, Duration wait, String reason) {
		jdbc.sql("""
				UPDATE outbound_messages SET status = 'pending', lease_until = NULL, last_error = :reason,
				  next_attempt_at = now() + make_interval(secs => :wait) WHERE id = :id""")
			.param("reason", reason)
			.param("wait", wait.toMillis() / 1000.0)
			.param("id", id)
			.update();
	}

	void markDropped(long id, String reason) {
		jdbc.sql("UPDATE outbound_messages SET status = 'dropped', lease_until = NULL, last_error = :reason WHERE id = :id")
			.param("reason", reason)
			.param("id", id)
			.update();
	}

	void markFailed(long id, String reason) {
		jdbc.sql("UPDATE outbound_messages SET status = 'failed', lease_until = NULL, last_error = :reason WHERE id = :id")
			.param("reason", reason)
			.param("id", id)
			.update();
	}

}
