package es.msia.bot.handoff;

import java.time.Instant;

/**
 * Published once per escalation, after the escalation row and the HUMAN ownership were committed
 * (whether or not Chatwoot could be updated yet: that is retried). Not published again when a request
 * finds the conversation already escalated.
 */
public record HandoffStarted(long conversationId, long escalationId, HandoffReason reason, Instant at) {
}
