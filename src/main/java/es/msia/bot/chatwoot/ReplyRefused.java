package es.msia.bot.chatwoot;

import java.time.Instant;

/**
 * Chatwoot or WhatsApp refused a message of ours after Chatwoot had stored it (reported by a
 * {@code message_updated} webhook with {@code content_attributes.external_error}). The outbox row is
 * already marked failed when this is published; published once per reply, outside any transaction.
 *
 * @param idempotencyKey the key the reply was enqueued with, so its author can tell which one it was
 * @param template whether it had gone as a WhatsApp template
 * @param error Chatwoot's {@code external_error}
 */
public record ReplyRefused(long outboxId, long conversationId, String idempotencyKey, long chatwootMessageId,
		boolean template, String error, Instant at) {
}
