package es.msia.bot.conversation.flow;

/**
 * Where a conversation stands. Only the dialogue policy moves it.
 */
public enum Phase {

	/** Nothing asked yet. */
	NEW,

	/** Greeted; waiting for the elements to legalise. */
	COLLECTING_ELEMENTS,

	/** Elements named, some variant questions open. */
	AWAITING_VARIANTS,

	/** A quote was given; waiting for acceptance, changes or questions. */
	QUOTED,

	/** The customer accepted the quote and a case is open: the case collection flow drives the turns. */
	COLLECTING_CASE,

	/** The customer accepted the quote; the expediente is being prepared. */
	ACCEPTED,

	/** A person owns the conversation. */
	HANDED_OFF

}
