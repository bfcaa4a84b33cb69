package es.msia.bot.cases;

/**
 * A collecting case has been silent for {@code CASE_REMINDER_HOURS}, still inside WhatsApp's 24 h window:
 * the one reminder to send (Spanish text rendered by the case flow, with the next question).
 */
public record CaseReminderDue(long caseId, String reference, long conversationId, String text,
		java.time.Instant sendBefore) {
}
