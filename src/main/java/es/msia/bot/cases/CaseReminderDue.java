package es.msia.bot.cases;

/**
 * A collecting case has been silent for {@code CASE_REMINDER_HOURS}, still inside WhatsApp's 24 h window:
 * the one reminder to send. {@code text} is the reminder as the case flow words it; {@code nextQuestion}
 * alone (what the flow asks next), for a notifier that words the reminder itself.
 */
public record CaseReminderDue(long caseId, String reference, long conversationId, String text,
		String nextQuestion, java.time.Instant sendBefore) {
}
