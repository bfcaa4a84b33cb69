package es.msia.bot.cases;

import java.time.Instant;

/**
 * Staff rejected a file and the customer is asked for another one, with this text, before WhatsApp's
 * 24-hour window closes ({@code sendBefore}).
 */
public record CaseFileRejected(long caseId, String reference, long conversationId, long fileId, String text,
		Instant sendBefore) {
}
