package es.msia.bot.conversation.llm;

/** The LLM could not give a usable answer for this turn; the offline engine answers it instead. */
class LlmCallFailed extends RuntimeException {

	enum Reason {

		/** Network, timeout, 429 or 5xx after the retries. */
		UNAVAILABLE,
		/** 402: no credits left. */
		NO_CREDIT,
		/** 400/401/403/404: our request or key is wrong; retrying will not help. */
		REJECTED,
		/** A 200 without usable content: error object, no choices, malformed or unknown tool calls. */
		UNUSABLE

	}

	private final Reason reason;

	LlmCallFailed(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	LlmCallFailed(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	Reason reason() {
		return reason;
	}

}
