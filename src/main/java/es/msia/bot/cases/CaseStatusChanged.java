package es.msia.bot.cases;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Staff moved a case to another status from the panel (not the customer's own cancel in the chat, an
 * abandonment or a GDPR erasure). Published inside the transaction that changed the status, so a listener
 * running before commit joins it. {@code windowEnds}: when WhatsApp's 24-hour window closes (null when the
 * customer never wrote).
 */
public record CaseStatusChanged(long caseId, String reference, long conversationId, CaseStatus from, CaseStatus to,
		String actor, @Nullable Instant windowEnds) {
}
