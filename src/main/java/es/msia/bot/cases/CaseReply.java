package es.msia.bot.cases;

/**
 * What the customer is told after a message, rendered by the case flow in Spanish.
 *
 * @param reference case reference ({@code MSI-2026-000123})
 * @param status status after the message
 * @param text the reply
 */
public record CaseReply(String reference, CaseStatus status, String text) {
}
