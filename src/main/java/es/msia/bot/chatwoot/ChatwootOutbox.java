package es.msia.bot.chatwoot;

import java.util.List;

import es.msia.bot.chatwoot.outbox.OutboxSender;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where replies wait to be sent. Enqueueing is idempotent by key and joins the caller's transaction.
 */
@Service
public class ChatwootOutbox {

	/** A reply as stored, for read models (panel, simulator). */
	public record OutboxEntry(long id, long conversationId, String content, boolean privateNote, String status,
			int attempts, java.time.Instant createdAt) {
	}

	private final JdbcClient jdbc;

	private final ObjectProvider<OutboxSender> sender;

	ChatwootOutbox(JdbcClient jdbc, ObjectProvider<OutboxSender> sender) {
		this.jdbc = jdbc;
		this.sender = sender;
	}

	/** Returns true when the reply is new, false when a reply with this key was already enqueued. */
	public boolean enqueue(OutboundReply reply) {
		boolean inserted = jdbc.sql("""
				INSERT INTO outbound_messages (idempotency_key, conversation_id, content, private_note, attachment, not_after)
				VALUES (:key, :conversation, :content, :private, :attachment, :notAfter)
				ON CONFLICT (idempotency_key) DO NOTHING""")
			.param("key", reply.idempotencyKey())
			.param("conversation", reply.conversationId())
			.param("content", reply.content())
			.param("private", reply.privateNote())
			.param("attachment", reply.attachment())
			.param("notAfter", reply.notAfter() == null ? null : java.sql.Timestamp.from(reply.notAfter()))
			.update() == 1;
		if (inserted) {
			wakeSenderAfterCommit();
		}
		return inserted;
	}

	/** The sender polls anyway; waking it saves the poll interval on every reply's latency. */
	private void wakeSenderAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					sender.ifAvailable(OutboxSender::wakeUp);
				}
			});
		}
		else {
			sender.ifAvailable(OutboxSender::wakeUp);
		}
	}

	/**
	 * True when a message Chatwoot reports is one we sent, so its echo is not mistaken for a human. By
	 * the Chatwoot id stored at delivery; and because the echo webhook can arrive before that id is
	 * stored, also when a reply of this conversation with the same content is in flight (or was retried
	 * after a timeout, when Chatwoot may have stored it anyway).
	 */
	public boolean isOurs(long conversationId, long chatwootMessageId, @Nullable String content) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM outbound_messages WHERE chatwoot_message_id = :cw)
				    OR EXISTS (SELECT 1 FROM outbound_messages
				               WHERE conversation_id = :conversation AND content = :content
				                 AND (status = 'sending' OR (status = 'pending' AND attempts > 0))
				                 AND created_at > now() - interval '1 hour')""")
			.param("cw", chatwootMessageId)
			.param("conversation", conversationId)
			.param("content", content == null ? "" : content)
			.query(Boolean.class)
			.single();
	}

	/** The replies of a conversation, oldest first. */
	public List<OutboxEntry> entries(long conversationId) {
		return jdbc.sql("""
				SELECT id, conversation_id, content, private_note, status, attempts, created_at
				FROM outbound_messages WHERE conversation_id = :conversation ORDER BY id""")
			.param("conversation", conversationId)
			.query((rs, n) -> new OutboxEntry(rs.getLong("id"), rs.getLong("conversation_id"), rs.getString("content"),
					rs.getBoolean("private_note"), rs.getString("status"), rs.getInt("attempts"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/**
	 * GDPR erasure: deletes the replies kept for these conversations (their text is personal data).
	 * Delivered replies live on in Chatwoot, which MSI erases there.
	 *
	 * @return how many rows were deleted
	 */
	public int erase(java.util.Collection<Long> conversationIds) {
		if (conversationIds.isEmpty()) {
			return 0;
		}
		return jdbc.sql("DELETE FROM outbound_messages WHERE conversation_id IN (:ids)")
			.param("ids", List.copyOf(conversationIds))
			.update();
	}

	/**
	 * Replies that gave up, newest first, for the Sistema page: when they were last tried, the attempts and the
	 * reason Chatwoot gave (masked, short); never the reply's text.
	 */
	public List<es.msia.bot.shared.RecentFailure> recentFailures(int limit) {
		return jdbc.sql("""
				SELECT GREATEST(created_at, next_attempt_at) AS at, attempts, last_error FROM outbound_messages
				WHERE status = 'failed' ORDER BY GREATEST(created_at, next_attempt_at) DESC, id DESC LIMIT :limit""")
			.param("limit", limit)
			.query((rs, n) -> es.msia.bot.shared.RecentFailure.of(rs.getTimestamp("at").toInstant(), "chatwoot",
					rs.getInt("attempts") + " intentos: " + java.util.Objects.requireNonNullElse(rs.getString("last_error"), "")))
			.list();
	}

}
