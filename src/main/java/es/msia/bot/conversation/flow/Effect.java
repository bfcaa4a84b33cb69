package es.msia.bot.conversation.flow;

import java.util.List;
import java.util.Map;

import es.msia.bot.catalog.Quote;

/**
 * A side effect the policy asks for. The act node carries them out idempotently, keyed by the turn.
 */
public sealed interface Effect extends java.io.Serializable {

	/** Store the quote given in this turn (the business record of what the customer was told). */
	record RecordQuote(Quote quote) implements Effect {
	}

	/** The customer accepted the last recorded quote. */
	record AcceptQuote() implements Effect {
	}

	/** Open a case (expediente) from the accepted quote. */
	record OpenCase(Quote quote) implements Effect {
	}

	/**
	 * Hand the customer's message (text and files) to the open case's collection flow, with the values an
	 * LLM proposed for the fields asked (empty when none, or offline).
	 */
	record CollectCase(Map<String, String> proposed) implements Effect {

		public CollectCase {
			// A checkpoint written before proposals existed deserializes without them.
			proposed = proposed == null ? Map.of() : Map.copyOf(proposed);
		}

		public CollectCase() {
			this(Map.of());
		}

	}

	/**
	 * A question asked during the case: the message's files are still filed, its text is not read as case
	 * data, and the case's pending question is asked again.
	 */
	record ResumeCase() implements Effect {
	}

	/**
	 * Answer the customer's question about their case from the case itself (status, what is missing, the
	 * note for the customer), or ask which case when they have several.
	 *
	 * @param reference the case the customer chose from the list, or null
	 */
	record AnswerAboutCase(@org.jspecify.annotations.Nullable String reference) implements Effect {
	}

	/** The customer cancels the open case. */
	record CancelCase() implements Effect {
	}

	/** Hand the conversation to a person with a context summary. */
	record Escalate(EscalationCause cause) implements Effect {
	}

	/** Send the example images of these items as attachments. */
	record SendExamples(List<String> itemCodes) implements Effect {
	}

}
