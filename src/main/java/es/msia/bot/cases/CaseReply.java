package es.msia.bot.cases;

/**
 * What the customer is told after a message, rendered by the case flow in Spanish.
 *
 * @param reference case reference ({@code MSI-2026-000123})
 * @param status status after the message
 * @param text the reply
 * @param handOff whether the case flow could not go on and a person should take the conversation (the case
 * stays as it is, to be resumed)
 */
public record CaseReply(String reference, CaseStatus status, String text, boolean handOff) {

	public CaseReply(String reference, CaseStatus status, String text) {
		this(reference, status, text, false);
	}

}
