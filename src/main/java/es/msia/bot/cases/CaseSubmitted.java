package es.msia.bot.cases;

/** The customer confirmed a complete case; it waits for staff review. */
public record CaseSubmitted(long caseId, String reference, long conversationId) {
}
