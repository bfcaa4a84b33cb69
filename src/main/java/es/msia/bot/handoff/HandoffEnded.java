package es.msia.bot.handoff;

import java.time.Instant;

/**
 * Published when a conversation goes back to the bot (staff, {@code /bot on}, status back to pending,
 * or human idle time), after the change was committed. Only on a real change: giving back a
 * conversation the bot already owns publishes nothing.
 *
 * @param actor who gave it back, e.g. {@code chatwoot:Ana}, {@code chatwoot:status-pending}, {@code idle}
 */
public record HandoffEnded(long conversationId, String actor, Instant at) {
}
