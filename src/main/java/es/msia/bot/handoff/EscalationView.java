package es.msia.bot.handoff;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Read model of an escalation, for the panel.
 *
 * @param status {@code open} or {@code resolved}
 */
public record EscalationView(long id, long conversationId, HandoffReason reason, String contextPack, String status,
		Instant createdAt, @Nullable Instant resolvedAt, @Nullable String resolvedBy) {
}
