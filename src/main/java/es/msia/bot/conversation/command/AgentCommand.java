package es.msia.bot.conversation.command;

import java.util.List;
import java.util.Map;

import es.msia.bot.catalog.PendingVariantQuestion;
import es.msia.bot.catalog.VehicleType;
import org.jspecify.annotations.Nullable;

/**
 * What a customer's message means, as data. Understanding (offline rules or the LLM) produces these;
 * only the dialogue policy decides what they cause. None of them carries a price or a document
 * requirement: those come from the catalogue when the policy acts.
 */
public sealed interface AgentCommand extends java.io.Serializable {

	/** "Hola", "buenas tardes". */
	record Greet() implements AgentCommand {
	}

	/** Elements named in the message (added to the selection), with open variant questions and unknowns. */
	record MentionElements(List<String> itemCodes, List<PendingVariantQuestion> questions, List<String> unknownTerms)
			implements AgentCommand {

		public MentionElements {
			itemCodes = List.copyOf(itemCodes);
			questions = List.copyOf(questions);
			unknownTerms = List.copyOf(unknownTerms);
		}

	}

	/** "Quita el escape": items or umbrellas (all their variants) to drop from the selection. */
	record RemoveElements(List<String> codes) implements AgentCommand {

		public RemoveElements {
			codes = List.copyOf(codes);
		}

	}

	/** The answer to a pending variant question, resolved to variant codes. */
	record AnswerVariant(String umbrellaCode, List<String> variantCodes) implements AgentCommand {

		public AnswerVariant {
			variantCodes = List.copyOf(variantCodes);
		}

	}

	/** "Vale", "sí, adelante", "ok 👍": yes to whatever was last offered. */
	record Affirm() implements AgentCommand {
	}

	/** "No gracias", "de momento no". */
	record Deny() implements AgentCommand {
	}

	/** "Prefiero hablar con una persona". */
	record RequestHuman() implements AgentCommand {
	}

	/** "¿Me mandas fotos de ejemplo?". */
	record RequestExamples() implements AgentCommand {
	}

	/** A vehicle the customer names ("es para mi coche"): decides whether any tariff applies. */
	record MentionVehicle(VehicleType vehicleType) implements AgentCommand {
	}

	/**
	 * A question the catalogue flow does not answer (hours, turnaround, ITV...), with the answer to send:
	 * the knowledge base's stored text when an entry matches, or a short text the LLM wrote from the facts
	 * given to it that passed the {@code AnswerGuard} (never an unchecked model text).
	 */
	record AskQuestion(String text, @Nullable String faqAnswer) implements AgentCommand {

		public AskQuestion(String text) {
			this(text, null);
		}

	}

	/**
	 * Values read from the message for the fields the open case asks now, by field key (only keys asked).
	 * A proposal: the case flow validates each one as if typed and keeps what its own reading found.
	 */
	record ProvideCaseFields(Map<String, String> values) implements AgentCommand {

		public ProvideCaseFields {
			values = Map.copyOf(values);
		}

	}

	/**
	 * «¿Cómo va mi expediente?», «¿qué os falta?», «¿cuándo paso la ITV?»: the customer asks about their own
	 * case. Only the intent: the answer is built by Java code from the case, never by the model.
	 */
	record AskAboutCase(String text) implements AgentCommand {
	}

	/** The reply to «¿por cuál de tus expedientes me preguntas?», resolved to one of the customer's cases. */
	record ChooseCase(String reference) implements AgentCommand {
	}

	/** "Déjalo", "cancela": drop the current quote. */
	record Cancel() implements AgentCommand {
	}

	/** "Gracias", "perfecto, gracias": closes a topic, asks for nothing. */
	record Thank() implements AgentCommand {
	}

	/**
	 * A photo, file or voice note with no text to understand.
	 *
	 * @param voiceNote true when it was audio that could not be transcribed
	 */
	record SendMedia(boolean voiceNote) implements AgentCommand {
	}

	/** Nothing recognisable. */
	record Unknown(String text) implements AgentCommand {
	}

}
