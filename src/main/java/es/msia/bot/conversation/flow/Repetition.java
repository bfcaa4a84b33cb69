package es.msia.bot.conversation.flow;

/**
 * The product rule "no step is asked more than twice in a row": what the bot does on a turn, given how
 * many times in a row the same thing will have been asked, counting this turn.
 */
enum Repetition {

	/** Asked for the first time. */
	ASK,

	/** Asked a second time in a row: said differently, with an example built from what is known. */
	REPHRASE,

	/** It would be the third time in a row: a person is offered instead of the same question. */
	OFFER_PERSON,

	/** A miss after a person was offered: the customer is not helped by the bot, a person takes over. */
	HAND_OFF;

	static Repetition after(int asks) {
		if (asks <= 1) {
			return ASK;
		}
		if (asks == 2) {
			return REPHRASE;
		}
		return asks == 3 ? OFFER_PERSON : HAND_OFF;
	}

}
