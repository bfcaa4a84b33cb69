package es.msia.bot.messaging;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import es.msia.bot.messaging.redis.IncomingStream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Intake of customer messages: record once, then append to the stream. The row is written first and
 * marked with its stream id after the XADD; {@link #appendUnstreamed()} repairs the gap a crash between
 * the two would leave, so nothing the customer sent is lost.
 */
@Service
public class InboundMessages {

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final IncomingStream stream;

	private final JsonMapper json;

	private final LiveFeed liveFeed;

	private final StreamIdMarks marks;

	InboundMessages(JdbcClient jdbc, TransactionTemplate tx, IncomingStream stream, JsonMapper json,
			LiveFeed liveFeed, StreamIdMarks marks) {
		this.liveFeed = liveFeed;
		this.marks = marks;
		this.jdbc = jdbc;
		this.tx = tx;
		this.stream = stream;
		this.json = json;
	}

	/**
	 * Records the message and appends it to {@code incoming_messages}, unless it was seen before. One SQL
	 * statement (conversation upsert and message insert together, so one round trip and one commit), then
	 * the XADD; the stream id is written back in batches by {@link StreamIdMarks}. Should the process die
	 * before that, {@link #appendUnstreamed()} appends the message again, and the agent, which checks
	 * {@link #isProcessed} under the conversation lock, answers it once.
	 */
	public Intake accept(InboundMessage message) {
		String payload = json.writeValueAsString(message);
		boolean inserted = jdbc.sql("""
				WITH conversation AS (
				  INSERT INTO conversations (id, customer_id, chatwoot_account_id, chatwoot_inbox_id, chatwoot_status,
				                             last_customer_message_at)
				  VALUES (:conversation, :customer, :account, :inbox, :status, :at)
				  ON CONFLICT (id) DO UPDATE SET
				    customer_id = COALESCE(EXCLUDED.customer_id, conversations.customer_id),
				    chatwoot_account_id = COALESCE(EXCLUDED.chatwoot_account_id, conversations.chatwoot_account_id),
				    chatwoot_inbox_id = COALESCE(EXCLUDED.chatwoot_inbox_id, conversations.chatwoot_inbox_id),
				    chatwoot_status = COALESCE(EXCLUDED.chatwoot_status, conversations.chatwoot_status),
				    -- a replayed (duplicate) message carries the time it already set: never moves it back
				    last_customer_message_at = GREATEST(conversations.last_customer_message_at,
				                                        EXCLUDED.last_customer_message_at),
				    updated_at = now()
				  RETURNING id),
				inserted AS (
				  INSERT INTO messages (conversation_id, chatwoot_message_id, direction, sender_kind, sender_name,
				                        content, attachments, payload)
				  SELECT id, :message, 'inbound', 'customer', :name, :content, CAST(:attachments AS jsonb),
				         CAST(:payload AS jsonb) FROM conversation
				  ON CONFLICT (chatwoot_message_id) DO NOTHING
				  RETURNING 1)
				SELECT count(*) = 1 FROM inserted""")
			.param("conversation", message.conversationId())
			.param("customer", message.customerId())
			.param("account", message.accountId())
			.param("inbox", message.inboxId())
			.param("status", message.conversationStatus())
			.param("at", Timestamp.from(message.receivedAt()))
			.param("message", message.messageId())
			.param("name", message.senderName())
			.param("content", message.content())
			.param("attachments", json.writeValueAsString(message.attachments()))
			.param("payload", payload)
			.query(Boolean.class)
			.single();
		if (!inserted) {
			return Intake.DUPLICATE;
		}
		marks.add(message.messageId(), stream.append(message.conversationId(), payload));
		liveFeed.publishIncoming(new LiveFeed.LiveEvent(message.conversationId(), "inbound", "customer",
				message.content(), message.messageId(), "received", message.receivedAt()));
		return Intake.ACCEPTED;
	}

	/**
	 * Records a message a human agent sent from Chatwoot: the sign that a person is talking to this
	 * customer. Idempotent by Chatwoot message id.
	 */
	public void recordHumanReply(long conversationId, long chatwootMessageId, @Nullable String agentName,
			@Nullable String content, Instant at) {
		tx.executeWithoutResult(status -> {
			upsertConversation(conversationId, null, null, null, null);
			int rows = jdbc.sql("""
					INSERT INTO messages (conversation_id, chatwoot_message_id, direction, sender_kind, sender_name,
					                      content, created_at)
					VALUES (:conversation, :message, 'outbound', 'human', :name, :content, :at)
					ON CONFLICT (chatwoot_message_id) DO NOTHING""")
				.param("conversation", conversationId)
				.param("message", chatwootMessageId)
				.param("name", agentName)
				.param("content", content)
				.param("at", Timestamp.from(at))
				.update();
			if (rows == 1) {
				jdbc.sql("UPDATE conversations SET last_human_message_at = :at, updated_at = now() WHERE id = :id")
					.param("at", Timestamp.from(at))
					.param("id", conversationId)
					.update();
			}
		});
	}

	/** True when the agent already finished with this message (a redelivery must not answer twice). */
	public boolean isProcessed(long chatwootMessageId) {
		return jdbc.sql("SELECT processed_at IS NOT NULL FROM messages WHERE chatwoot_message_id = :id")
			.param("id", chatwootMessageId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * True when the customer wrote again after this message and that newer message is not answered yet:
	 * a reply computed for this message is stale.
	 */
	public boolean hasNewerUnanswered(long conversationId, long chatwootMessageId) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM messages newer
				  WHERE newer.conversation_id = :c AND newer.direction = 'inbound' AND newer.processed_at IS NULL
				    AND newer.id > (SELECT id FROM messages WHERE chatwoot_message_id = :m))""")
			.param("c", conversationId)
			.param("m", chatwootMessageId)
			.query(Boolean.class)
			.single();
	}

	/** Marks the message as handled by the agent. */
	public void markProcessed(long chatwootMessageId) {
		markProcessed(chatwootMessageId, null);
	}

	/** Marks the message answered by the turn with this trace id (shown in the panel, found in the logs). */
	public void markProcessed(long chatwootMessageId, @Nullable String traceId) {
		jdbc.sql("UPDATE messages SET processed_at = now(), trace_id = :trace WHERE chatwoot_message_id = :id"
				+ " AND processed_at IS NULL")
			.param("id", chatwootMessageId)
			.param("trace", traceId, java.sql.Types.VARCHAR)
			.update();
	}

	/**
	 * Appends messages that were recorded but never reached the stream (the process died between the
	 * insert and the XADD). Returns how many were repaired.
	 */
	public int appendUnstreamed() {
		List<String> payloads = jdbc.sql("""
				SELECT payload::text FROM messages
				WHERE direction = 'inbound' AND stream_id IS NULL AND payload IS NOT NULL
				  AND created_at < now() - interval '30 seconds'
				ORDER BY id LIMIT 100""").query(String.class).list();
		for (String payload : payloads) {
			InboundMessage message = json.readValue(payload, InboundMessage.class);
			markStreamed(message.messageId(), stream.append(message.conversationId(), payload));
		}
		return payloads.size();
	}

	/**
	 * Appends again every message of the last day that no turn has answered yet: after Redis lost its data
	 * (restart without persistence, flush), entries that were in the stream are gone with it. A message
	 * answered meanwhile is skipped by the consumer, and replies carry idempotency keys, so appending one
	 * that is still in the stream costs a lookup, never a second reply. Returns how many were appended.
	 */
	public int appendUnanswered() {
		List<String> payloads = jdbc.sql("""
				SELECT payload::text FROM messages
				WHERE direction = 'inbound' AND processed_at IS NULL AND payload IS NOT NULL
				  AND created_at > now() - interval '1 day'
				ORDER BY id LIMIT 10000""").query(String.class).list();
		for (String payload : payloads) {
			InboundMessage message = json.readValue(payload, InboundMessage.class);
			markStreamed(message.messageId(), stream.append(message.conversationId(), payload));
		}
		return payloads.size();
	}

	private void markStreamed(long chatwootMessageId, String streamId) {
		jdbc.sql("UPDATE messages SET stream_id = :stream WHERE chatwoot_message_id = :id")
			.param("stream", streamId)
			.param("id", chatwootMessageId)
			.update();
	}

	private void upsertConversation(long id, @Nullable Long customerId, @Nullable Long accountId, @Nullable Long inboxId,
			@Nullable String status) {
		jdbc.sql("""
				INSERT INTO conversations (id, customer_id, chatwoot_account_id, chatwoot_inbox_id, chatwoot_status)
				VALUES (:id, :customer, :account, :inbox, :status)
				ON CONFLICT (id) DO UPDATE SET
				  customer_id = COALESCE(EXCLUDED.customer_id, conversations.customer_id),
				  chatwoot_account_id = COALESCE(EXCLUDED.chatwoot_account_id, conversations.chatwoot_account_id),
				  chatwoot_inbox_id = COALESCE(EXCLUDED.chatwoot_inbox_id, conversations.chatwoot_inbox_id),
				  chatwoot_status = COALESCE(EXCLUDED.chatwoot_status, conversations.chatwoot_status),
				  updated_at = now()""")
			.param("id", id)
			.param("customer", customerId)
			.param("account", accountId)
			.param("inbox", inboxId)
			.param("status", status)
			.update();
	}

}
