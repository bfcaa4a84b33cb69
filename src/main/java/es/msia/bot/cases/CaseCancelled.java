package es.msia.bot.cases;

/** A case was cancelled by the customer or by staff. */
public record CaseCancelled(long caseId, String reference, long conversationId, String actor) {
}
