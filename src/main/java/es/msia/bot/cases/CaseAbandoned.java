package es.msia.bot.cases;

/** A collecting case was silent for {@code CASE_ABANDON_DAYS} and is now abandoned. */
public record CaseAbandoned(long caseId, String reference, long conversationId) {
}
