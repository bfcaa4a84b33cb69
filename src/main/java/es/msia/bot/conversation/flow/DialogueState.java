package es.msia.bot.conversation.flow;

import java.util.List;

import es.msia.bot.catalog.PendingVariantQuestion;

/**
 * The dialogue's memory between turns: the phase, the selected items (element or variant codes), the
 * variant questions still open, the last thing offered, and a counter of turns without progress.
 * Checkpointed with the graph; the quotes it led to are also stored in PostgreSQL.
 *
 * @param offer what a bare "sí" would accept now
 * @param stalls consecutive turns that did not move the conversation forward
 * @param examplesSent items whose example images were already sent for the current quote
 */
public record DialogueState(Phase phase, List<String> items, List<PendingVariantQuestion> pending,
		List<String> unknownTerms, Offer offer, int stalls, List<String> examplesSent) implements java.io.Serializable {

	/** What was last offered to the customer. */
	public enum Offer {

		NONE, OPEN_CASE, HANDOFF, CANCEL_CASE,

		/** The customer was asked which of their cases they ask about; the next message may name it. */
		CHOOSE_CASE

	}

	public DialogueState {
		items = List.copyOf(items);
		pending = List.copyOf(pending);
		unknownTerms = List.copyOf(unknownTerms);
		examplesSent = List.copyOf(examplesSent);
	}

	public static DialogueState initial() {
		return new DialogueState(Phase.NEW, List.of(), List.of(), List.of(), Offer.NONE, 0, List.of());
	}

	public List<String> pendingUmbrellas() {
		return pending.stream().map(PendingVariantQuestion::umbrellaCode).toList();
	}

	/** The same dialogue, now owned by a person (the case flow handed it off). */
	public DialogueState handedOff() {
		return new DialogueState(Phase.HANDED_OFF, items, pending, unknownTerms, Offer.NONE, 0, examplesSent);
	}

	/** The same dialogue, waiting for the customer to say which of their cases they ask about. */
	public DialogueState choosingCase() {
		return withOffer(Offer.CHOOSE_CASE);
	}

	DialogueState with(Phase newPhase) {
		return new DialogueState(newPhase, items, pending, unknownTerms, offer, stalls, examplesSent);
	}

	DialogueState withSelection(List<String> newItems, List<PendingVariantQuestion> newPending,
			List<String> newUnknown) {
		return new DialogueState(phase, newItems, newPending, newUnknown, offer, stalls, examplesSent);
	}

	DialogueState withOffer(Offer newOffer) {
		return new DialogueState(phase, items, pending, unknownTerms, newOffer, stalls, examplesSent);
	}

	DialogueState withStalls(int newStalls) {
		return new DialogueState(phase, items, pending, unknownTerms, offer, newStalls, examplesSent);
	}

	DialogueState withExamplesSent(List<String> sent) {
		return new DialogueState(phase, items, pending, unknownTerms, offer, stalls, sent);
	}

}
