package es.msia.bot.cases;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Staff marked a milestone of a case in progress (once per case and milestone). Published inside the
 * transaction that recorded it on the timeline. {@code windowEnds}: when WhatsApp's 24-hour window closes
 * (null when the customer never wrote).
 */
public record CaseMilestoneReached(long caseId, String reference, long conversationId, CaseMilestone milestone,
		String actor, @Nullable Instant windowEnds) {
}
