package es.msia.bot.cases;

/** A case was opened from an accepted quote. */
public record CaseOpened(long caseId, String reference, long conversationId) {
}
