package es.msia.bot.conversation.llm;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/** The LLM could not give a usable answer for this turn; the offline engine answers it instead. */
class LlmCallFailed extends RuntimeException {

	enum Reason {

		/** Network, timeout, 429 or 5xx after the retries (or a {@code Retry-After} longer than we wait). */
		UNAVAILABLE,
		/** 402: no credits left. */
		NO_CREDIT,
		/** 400/401/403/404: our request or key is wrong; retrying will not help. */
		REJECTED,
		/** A 200 without usable content: error object, no choices, malformed or unknown tool calls. */
		UNUSABLE

	}

	private final Reason reason;

	private final @Nullable Duration retryAfter;

	private int attempts = 1;

	LlmCallFailed(Reason reason, String message, @Nullable Throwable cause, @Nullable Duration retryAfter) {
		super(message, cause);
		this.reason = reason;
		this.retryAfter = retryAfter;
	}

	LlmCallFailed(Reason reason, String message, Throwable cause) {
		this(reason, message, cause, null);
	}

	LlmCallFailed(Reason reason, String message) {
		this(reason, message, null, null);
	}

	Reason reason() {
		return reason;
	}

	/** The server's {@code Retry-After} (429/503), when it sent one. */
	@Nullable Duration retryAfter() {
		return retryAfter;
	}

	/** HTTP calls made for the turn before giving up (retries included). */
	int attempts() {
		return attempts;
	}

	LlmCallFailed attempts(int attempts) {
		this.attempts = attempts;
		return this;
	}

}
