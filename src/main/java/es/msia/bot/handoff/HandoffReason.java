package es.msia.bot.handoff;

/** Why a conversation goes to a person. */
public enum HandoffReason {

	/** The customer asked for a person. */
	CUSTOMER_REQUEST,
	/** The engine could not make progress (repeated misunderstanding, step limit, internal error). */
	STUCK,
	/** The request is outside what the bot handles. */
	OUT_OF_SCOPE,
	/** No tariff covers what the customer wants. */
	NO_TARIFF,
	/** The panic button is on: every conversation goes to people. */
	PANIC_BUTTON,
	/** Staff took the conversation from the panel. */
	STAFF

}
