package es.msia.bot.conversation;

import java.util.List;

import es.msia.bot.catalog.CatalogDefinition;
import es.msia.bot.catalog.Catalogs;
import es.msia.bot.catalog.ClientType;
import es.msia.bot.catalog.ElementMatcher;
import es.msia.bot.catalog.VehicleType;
import es.msia.bot.conversation.command.AgentCommand;
import es.msia.bot.conversation.flow.Decision;
import es.msia.bot.conversation.flow.DialoguePolicy;
import es.msia.bot.conversation.flow.DialogueState;
import es.msia.bot.conversation.flow.Effect;
import es.msia.bot.conversation.flow.Phase;
import es.msia.bot.conversation.flow.PolicyContext;
import es.msia.bot.conversation.flow.ReplyIntent;
import es.msia.bot.conversation.understanding.OfflineUnderstanding;
import es.msia.bot.conversation.understanding.UnderstandingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * «¿Cómo va mi expediente?» in the offline understanding and the policy: recognised in every phase, answered
 * through the case module (an effect, never words of the understanding), the pending case question asked
 * again, and the reply to «¿por cuál?» read as the choice only when it names a case.
 */
class AskAboutCaseTests {

	static final CatalogDefinition catalog = Catalogs.current();

	static final PolicyContext MOTO = new PolicyContext(ClientType.PARTICULAR, VehicleType.MOTO, "motos-part", "María");

	final OfflineUnderstanding understanding = new OfflineUnderstanding(new ElementMatcher(catalog));

	final DialoguePolicy policy = new DialoguePolicy(catalog);

	@ParameterizedTest
	@ValueSource(strings = { "¿Cómo va mi expediente?", "como va mi expdiente", "¿Qué os falta?", "q os falta",
			"¿Cuándo paso la ITV?", "cuando paso la itv", "¿En qué estado está lo mío?", "en q estado esta lo mio",
			"¿Habéis recibido las fotos?", "abeis recibido las fotos", "¿cómo va lo del escape?" })
	void theQuestionIsOnlyThatInEveryPhase(String text) {
		for (Phase phase : List.of(Phase.NEW, Phase.COLLECTING_ELEMENTS, Phase.QUOTED, Phase.COLLECTING_CASE)) {
			List<AgentCommand> commands = understanding.understand(context(phase), text);
			assertThat(commands).as(phase + ": " + text).containsExactly(new AgentCommand.AskAboutCase(text));
		}
	}

	@Test
	void aGreetingBeforeTheQuestionIsKept() {
		assertThat(understanding.understand(context(Phase.NEW), "Hola, ¿cómo va mi expediente?"))
			.containsExactly(new AgentCommand.Greet(), new AgentCommand.AskAboutCase("Hola, ¿cómo va mi expediente?"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Akrapovic Racing Line", "ITV Málaga - Guadalhorce", "12345678Z", "sí", "listo",
			"ya te las he enviado", "¿Dónde está la ITV más cercana?" })
	void caseAnswersAreNotTheQuestion(String text) {
		assertThat(understanding.understand(context(Phase.COLLECTING_CASE), text))
			.doesNotContain(new AgentCommand.AskAboutCase(text));
	}

	@Test
	void whileACaseIsCollectedTheAnswerComesFromTheCaseAndNothingIsFiled() {
		DialogueState collecting = collecting();
		Decision decision = policy.decide(collecting, understanding.understand(context(Phase.COLLECTING_CASE), "¿qué os falta?"),
				MOTO);
		assertThat(decision.effects()).containsExactly(new Effect.AnswerAboutCase(null));
		assertThat(decision.replies()).containsExactly(new ReplyIntent.CaseMessage());
		assertThat(decision.state().phase()).isEqualTo(Phase.COLLECTING_CASE);
	}

	@Test
	void outsideACaseTheQuestionIsAnsweredFromTheCasesNotByAPersonOrTheFaq() {
		Decision fresh = policy.decide(DialogueState.initial(), List.of(new AgentCommand.AskAboutCase("¿cómo va lo mío?")),
				MOTO);
		assertThat(fresh.effects()).containsExactly(new Effect.AnswerAboutCase(null));
		assertThat(fresh.replies()).containsExactly(new ReplyIntent.Greeting("María"), new ReplyIntent.CaseMessage());
		assertThat(fresh.state().phase()).isEqualTo(Phase.COLLECTING_ELEMENTS);
		assertThat(fresh.state().offer()).isEqualTo(DialogueState.Offer.NONE);
	}

	@Test
	void aPendingCancelConfirmationIsDroppedSoALaterYesCancelsNothing() {
		Decision asked = policy.decide(collecting(), List.of(new AgentCommand.Cancel()), MOTO);
		assertThat(asked.state().offer()).isEqualTo(DialogueState.Offer.CANCEL_CASE);
		Decision answered = policy.decide(asked.state(), List.of(new AgentCommand.AskAboutCase("¿cómo va?")), MOTO);
		assertThat(answered.state().offer()).isEqualTo(DialogueState.Offer.NONE);
		Decision yes = policy.decide(answered.state(), List.of(new AgentCommand.Affirm()), MOTO);
		assertThat(yes.effects()).doesNotContain(new Effect.CancelCase());
	}

	@Test
	void theChoiceOfACaseAnswersAboutThatCase() {
		DialogueState choosing = new DialogueState(Phase.COLLECTING_ELEMENTS, List.of(), List.of(), List.of(),
				DialogueState.Offer.NONE, 0, List.of()).choosingCase();
		Decision chosen = policy.decide(choosing, List.of(new AgentCommand.ChooseCase("MSI-2026-000012")), MOTO);
		assertThat(chosen.effects()).containsExactly(new Effect.AnswerAboutCase("MSI-2026-000012"));
		assertThat(chosen.replies()).containsExactly(new ReplyIntent.CaseMessage());
		assertThat(chosen.state().offer()).isEqualTo(DialogueState.Offer.NONE);
	}

	@Test
	void aReplyThatNamesNoCaseIsReadAsUsualAndTheChoiceIsForgotten() {
		DialogueState choosing = new DialogueState(Phase.COLLECTING_ELEMENTS, List.of(), List.of(), List.of(),
				DialogueState.Offer.CHOOSE_CASE, 0, List.of());
		Decision quoted = policy.decide(choosing, understanding.understand(context(Phase.COLLECTING_ELEMENTS), "escape"), MOTO);
		assertThat(quoted.effects()).noneMatch(Effect.AnswerAboutCase.class::isInstance);
		assertThat(quoted.replies()).anyMatch(ReplyIntent.QuoteGiven.class::isInstance);
		assertThat(quoted.state().offer()).isNotEqualTo(DialogueState.Offer.CHOOSE_CASE);
	}

	@Test
	void aChoiceIsOnlyReadRightAfterTheQuestion() {
		Decision ignored = policy.decide(collecting(), List.of(new AgentCommand.ChooseCase("MSI-2026-000012")), MOTO);
		assertThat(ignored.effects()).noneMatch(Effect.AnswerAboutCase.class::isInstance);
	}

	private static DialogueState collecting() {
		return new DialogueState(Phase.COLLECTING_CASE, List.of("ESCAPE"), List.of(), List.of(), DialogueState.Offer.NONE, 0,
				List.of());
	}

	private static UnderstandingContext context(Phase phase) {
		return new UnderstandingContext(phase, "motos-part", List.of(), phase == Phase.QUOTED ? List.of("ESCAPE") : List.of());
	}

}
