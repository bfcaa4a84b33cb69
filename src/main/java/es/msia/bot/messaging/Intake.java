package es.msia.bot.messaging;

/** What happened to a delivered message at intake. */
public enum Intake {

	/** Recorded and appended to the stream. */
	ACCEPTED,

	/** Seen before (a replayed webhook): nothing changed. */
	DUPLICATE

}
