package es.msia.bot.conversation.flow;

/**
 * The product rule "no step is asked more than twice in a row": what the bot does on a turn, given how
 * many turns in a row have not moved the conversation forward (counting this one).
 */
enum Repetition {

	/** Asked as usual: first time, or the first miss (a repeat a customer may need). */
	ASK,

	/** The second miss: the same step, said differently and with an example built from what is known. */
	REPHRASE,

	/** The third miss: asking again would be the third identical question, so a person is offered. */
	OFFER_PERSON,

	/** A miss after a person was offered: the customer is not helped by the bot, a person takes over. */
	HAND_OFF;

	/** The stall count the turn that offered a person leaves; a «sí» right after it accepts that offer. */
	static final int PERSON_OFFERED = 3;

	static Repetition after(int stalls) {
		if (stalls < PERSON_OFFERED - 1) {
			return ASK;
		}
		if (stalls < PERSON_OFFERED) {
			return REPHRASE;
		}
		return stalls == PERSON_OFFERED ? OFFER_PERSON : HAND_OFF;
	}

}
