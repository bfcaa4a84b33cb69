package es.msia.bot.chatwoot;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Published after a reply left the outbox: sent to Chatwoot ({@code kept == false}, with Chatwoot's
 * message id) or kept locally because Chatwoot is not configured. Published once per reply, after the
 * outbox row was marked, outside any transaction.
 */
public record ReplyDelivered(long outboxId, long conversationId, String content, boolean privateNote,
		@Nullable Long chatwootMessageId, boolean kept, Instant at) {
}
