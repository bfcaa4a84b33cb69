package es.msia.bot.messaging;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The trace id of one agent turn: generated when the turn starts, put in the logging context (MDC) with
 * the conversation id, and stored with the messages the turn answered. No distributed tracing: a turn runs
 * in one agent process, so one random id per turn is enough to find all of its log lines.
 */
public final class TurnTrace {

	/** MDC key of the turn's trace id (a field of its own in JSON logs). */
	public static final String MDC_TRACE = "traceId";

	/** MDC key of the Chatwoot conversation id. */
	public static final String MDC_CONVERSATION = "conversationId";

	private TurnTrace() {
	}

	/** 16 hexadecimal characters, like a W3C span id: short enough to read out from the panel. */
	public static String newId() {
		return String.format("%016x", ThreadLocalRandom.current().nextLong());
	}

}
