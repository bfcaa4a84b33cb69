package es.msia.bot.conversation.flow;

import java.util.List;

import es.msia.bot.catalog.PendingVariantQuestion;
import es.msia.bot.catalog.Quote;
import org.jspecify.annotations.Nullable;

/**
 * What the reply must say, as data; the composer turns it into Spanish. Every amount, element and
 * document in a reply comes from these values, which come from the catalogue.
 */
public sealed interface ReplyIntent extends java.io.Serializable {

	record Greeting(@Nullable String firstName) implements ReplyIntent {
	}

	record AskForElements() implements ReplyIntent {
	}

	record VariantQuestions(List<PendingVariantQuestion> questions) implements ReplyIntent {
	}

	record UnknownTerms(List<String> terms, boolean alongsideQuote) implements ReplyIntent {
	}

	record QuoteGiven(Quote quote, boolean updated) implements ReplyIntent {
	}

	record SelectionEmpty() implements ReplyIntent {
	}

	record NoTariff(String reason) implements ReplyIntent {
	}

	record HandoffNotice(EscalationCause cause) implements ReplyIntent {
	}

	record ExamplesComing(int images) implements ReplyIntent {
	}

	record NoExamples(boolean nothingQuoted) implements ReplyIntent {
	}

	/** What the case flow answered to this turn (opening, next question, re-ask, cancellation). */
	record CaseMessage() implements ReplyIntent {
	}

	record QuoteDeclined() implements ReplyIntent {
	}

	record Cancelled() implements ReplyIntent {
	}

	/** Asks before an open case is cancelled; a «sí» cancels it, anything else carries on. */
	record ConfirmCaseCancel() implements ReplyIntent {
	}

	record Welcome() implements ReplyIntent {
	}

	/** A file arrived outside an expediente: it is kept; a voice note without transcription asks for text. */
	record MediaReceived(boolean voiceNote, boolean quoted) implements ReplyIntent {
	}

	record QuestionForPerson() implements ReplyIntent {
	}

	/** A question during a case that the knowledge base does not answer: staff will, the case goes on. */
	record CaseQuestionForTeam() implements ReplyIntent {
	}

	/** Leads back from an answer to the case's pending question. */
	record BackToCase() implements ReplyIntent {
	}

	/** The knowledge base's answer to a question, sent as staff wrote it. */
	record FaqAnswer(String text) implements ReplyIntent {
	}

	record StayWithBot() implements ReplyIntent {
	}

	record NotUnderstood(boolean awaitingVariants) implements ReplyIntent {
	}

	/**
	 * The open variant questions asked a second time in a row: said differently, the options listed one per
	 * line (numbered when only one question is open) and an example answer taken from them.
	 */
	record VariantQuestionsAgain(List<PendingVariantQuestion> questions, String exampleAnswer) implements ReplyIntent {
	}

	/**
	 * A second turn in a row not understood: said differently, with what is already selected, the terms
	 * not found, and elements of the customer's category as an example (all short names from the catalogue).
	 */
	record NotUnderstoodAgain(List<String> selected, List<String> unknownTerms, List<String> exampleElements)
			implements ReplyIntent {
	}

	/** A third turn in a row without progress: instead of a third identical question, a person is offered. */
	record PersonOffered() implements ReplyIntent {
	}

	/** Leads back to the quote given, after the customer chose to carry on with the bot. */
	record QuoteStillOpen() implements ReplyIntent {
	}

}
