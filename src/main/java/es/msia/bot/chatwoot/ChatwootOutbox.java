package es.msia.bot.chatwoot;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import es.msia.bot.chatwoot.outbox.OutboxSender;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

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

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ObjectProvider<OutboxSender> sender;

	private final ApplicationEventPublisher events;

	ChatwootOutbox(JdbcClient jdbc, ObjectProvider<OutboxSender> sender, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.sender = sender;
		this.events = events;
	}

	/** Returns true when the reply is new, false when a reply with this key was already enqueued. */
	public boolean enqueue(OutboundReply reply) {
		boolean inserted = jdbc.sql("""
				INSERT INTO outbound_messages (idempotency_key, conversation_id, content, private_note, attachment, not_after,
				  template)
				VALUES (:key, :conversation, :content, :private, :attachment, :notAfter, CAST(:template AS jsonb))
				ON CONFLICT (idempotency_key) DO NOTHING""")
			.param("key", reply.idempotencyKey())
			.param("conversation", reply.conversationId())
			.param("content", reply.content())
			.param("private", reply.privateNote())
			.param("attachment", reply.attachment())
			.param("notAfter", reply.notAfter() == null ? null : java.sql.Timestamp.from(reply.notAfter()))
			.param("template", reply.template() == null ? null : JSON.writeValueAsString(reply.template()))
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

	/**
	 * Chatwoot or WhatsApp refused a message after accepting it (a {@code message_updated} whose
	 * {@code content_attributes.external_error} is set, protocols.md A4.4 and C1), e.g. a template that is
	 * not approved. The reply is marked failed with the reason, so it shows on the Sistema page, and
	 * {@link ReplyRefused} tells the module that wrote it. Refusals of messages we did not send (a person's,
	 * another bot's) change nothing.
	 *
	 * @return the refusal, when the message was one of ours not already marked refused
	 */
	public Optional<ReplyRefused> refused(long chatwootMessageId, String error) {
		String reason = "WhatsApp no lo entregó: " + error;
		Optional<ReplyRefused> refused = jdbc.sql("""
				UPDATE outbound_messages SET status = 'failed', last_error = :reason, next_attempt_at = now()
				WHERE chatwoot_message_id = :cw AND status IN ('sent', 'sending', 'pending')
				RETURNING id, conversation_id, idempotency_key, sent_as""")
			.param("reason", reason)
			.param("cw", chatwootMessageId)
			.query((rs, n) -> new ReplyRefused(rs.getLong("id"), rs.getLong("conversation_id"),
					rs.getString("idempotency_key"), chatwootMessageId, "template".equals(rs.getString("sent_as")), error,
					Instant.now()))
			.optional();
		refused.ifPresent(events::publishEvent);
		return refused;
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
