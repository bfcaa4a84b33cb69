package es.msia.bot.conversation;

import java.util.List;
import java.util.Optional;

import es.msia.bot.catalog.CatalogDefinition;
import es.msia.bot.catalog.Catalogs;
import es.msia.bot.catalog.ClientType;
import es.msia.bot.catalog.ElementMatcher;
import es.msia.bot.catalog.VehicleType;
import es.msia.bot.conversation.command.AgentCommand;
import es.msia.bot.conversation.flow.Decision;
import es.msia.bot.conversation.flow.DialoguePolicy;
import es.msia.bot.conversation.flow.DialogueState;
import es.msia.bot.conversation.flow.Phase;
import es.msia.bot.conversation.flow.PolicyContext;
import es.msia.bot.conversation.flow.ReplyIntent;
import es.msia.bot.conversation.reply.ReplyComposer;
import es.msia.bot.conversation.understanding.FaqAnswering;
import es.msia.bot.conversation.understanding.OfflineUnderstanding;
import es.msia.bot.conversation.understanding.UnderstandingContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Questions answered from the knowledge base; unanswered ones still offer a person. */
class FaqAnsweringTests {

	static final CatalogDefinition catalog = Catalogs.current();

	static final PolicyContext MOTO = new PolicyContext(ClientType.PARTICULAR, VehicleType.MOTO, "motos-part", null);

	static final UnderstandingContext QUOTED = new UnderstandingContext(Phase.QUOTED, "motos-part", List.of(), List.of("ESCAPE"));

	final FaqAnswering understanding = new FaqAnswering(new OfflineUnderstanding(new ElementMatcher(catalog)),
			q -> q.toLowerCase().contains("tard") || q.toLowerCase().contains("horario")
					? Optional.of("Unos 4 días hábiles.") : Optional.empty());

	@Test
	void addsTheStoredAnswerToAQuestion() {
		assertThat(understanding.understand(QUOTED, "¿cuánto tardáis?"))
			.containsExactly(new AgentCommand.AskQuestion("¿cuánto tardáis?", "Unos 4 días hábiles."));
	}

	@Test
	void turnsAnUnrecognisedMessageTheKnowledgeBaseAnswersIntoAQuestion() {
		assertThat(understanding.understand(QUOTED, "horario"))
			.containsExactly(new AgentCommand.AskQuestion("horario", "Unos 4 días hábiles."));
	}

	@Test
	void policyRepliesWithTheStoredAnswerAndOffersNoPerson() {
		DialogueState state = new DialogueState(Phase.COLLECTING_ELEMENTS, List.of(), List.of(), List.of(), DialogueState.Offer.NONE, 0, List.of());
		Decision decision = new DialoguePolicy(catalog).decide(state,
				List.of(new AgentCommand.AskQuestion("¿cuánto tardáis?", "Unos 4 días hábiles.")), MOTO);

		assertThat(decision.replies()).containsExactly(new ReplyIntent.FaqAnswer("Unos 4 días hábiles."));
		assertThat(decision.state().offer()).isEqualTo(DialogueState.Offer.NONE);
		assertThat(new ReplyComposer().compose(decision.replies(), "")).containsExactly("Unos 4 días hábiles.");
	}

	@Test
	void unansweredQuestionStillOffersAPerson() {
		DialogueState state = new DialogueState(Phase.COLLECTING_ELEMENTS, List.of(), List.of(), List.of(), DialogueState.Offer.NONE, 0, List.of());
		Decision decision = new DialoguePolicy(catalog).decide(state,
				understanding.understand(QUOTED, "¿aceptáis bizum?"), MOTO);

		assertThat(decision.replies()).containsExactly(new ReplyIntent.QuestionForPerson());
		assertThat(decision.state().offer()).isEqualTo(DialogueState.Offer.HANDOFF);
	}

}
