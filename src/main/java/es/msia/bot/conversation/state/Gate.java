package es.msia.bot.conversation.state;

/** Whether the bot may speak this turn. */
public enum Gate {

	/** The bot owns the conversation. */
	BOT,

	/** A person owns it (or staff paused the bot): stay silent. */
	SILENT,

	/** The panic button is on: hand every conversation to a person. */
	PANIC

}
