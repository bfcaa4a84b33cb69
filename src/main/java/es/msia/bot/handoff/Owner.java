package es.msia.bot.handoff;

/** Who answers the customer in a conversation. */
public enum Owner {

	/** The bot answers (the default). */
	BOT,
	/** A person answers; the bot stays silent until the conversation is given back. */
	HUMAN,
	/** Staff paused the bot ({@code /bot off}); it stays silent until {@code /bot on}. */
	PAUSED

}
