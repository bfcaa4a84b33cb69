package es.msia.bot.cases;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Staff rejected a file of an open case and the customer is to be asked for another one. Published inside
 * the review's transaction. The words are the notifier's; this carries the facts.
 *
 * @param item what the file shows, as the customer knows it ({@code Soportes de portamotos})
 * @param reason staff's reason, or null when they gave none
 * @param document true for a PDF ("un documento"), false for a photo
 * @param windowEnds when WhatsApp's 24-hour window closes (last customer message + 24 h); null when the
 * customer never wrote
 */
public record CaseFileRejected(long caseId, String reference, long conversationId, long fileId, String item,
		@Nullable String reason, boolean document, @Nullable Instant windowEnds) {
}
