package es.msia.bot.conversation;

import java.math.BigDecimal;
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
import es.msia.bot.conversation.flow.EscalationCause;
import es.msia.bot.conversation.flow.Phase;
import es.msia.bot.conversation.flow.PolicyContext;
import es.msia.bot.conversation.flow.ReplyIntent;
import es.msia.bot.conversation.reply.ReplyComposer;
import es.msia.bot.conversation.understanding.OfflineUnderstanding;
import es.msia.bot.conversation.understanding.UnderstandingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy driven by the offline understanding, turn by turn, as a customer would write.
 */
class DialoguePolicyTests {

	static final CatalogDefinition catalog = Catalogs.current();

	static final PolicyContext MOTO = new PolicyContext(ClientType.PARTICULAR, VehicleType.MOTO, "motos-part", "María");

	final DialoguePolicy policy = new DialoguePolicy(catalog);

	final ReplyComposer composer = new ReplyComposer();

	final OfflineUnderstanding understanding = new OfflineUnderstanding(new ElementMatcher(catalog));

	DialogueState state = DialogueState.initial();

	Decision say(String text, PolicyContext context) {
		var commands = understanding.understand(new UnderstandingContext(state.phase(), context.categorySlug(),
				state.pendingUmbrellas(), state.items()), text);
		Decision decision = policy.decide(state, commands, context);
		state = decision.state();
		return decision;
	}

	Decision say(String text) {
		return say(text, MOTO);
	}

	@Test
	void greetsByNameAndAsksWhatToLegalise() {
		Decision decision = say("Hola buenas");

		assertThat(decision.replies()).containsExactly(new ReplyIntent.Greeting("María"), new ReplyIntent.AskForElements());
		assertThat(state.phase()).isEqualTo(Phase.COLLECTING_ELEMENTS);
	}

	@Test
	void quotesTwoListFourElementsAtT5() {
		Decision decision = say("quiero homologar un escape y el manillar");

		ReplyIntent.QuoteGiven given = quote(decision);
		assertThat(given.quote().tierCode()).isEqualTo("T5");
		assertThat(given.quote().tierPrice()).isEqualByComparingTo(new BigDecimal("175"));
		assertThat(decision.effects()).containsExactly(new Effect.RecordQuote(given.quote()));
		assertThat(state.phase()).isEqualTo(Phase.QUOTED);
		assertThat(state.offer()).isEqualTo(DialogueState.Offer.OPEN_CASE);
	}

	@Test
	void asksAllPendingVariantQuestionsInOneMessageThenQuotes() {
		Decision first = say("le he cambiado la suspensión y los intermitentes y el escape");

		assertThat(first.replies()).anySatisfy(r -> assertThat(r).isInstanceOfSatisfying(ReplyIntent.VariantQuestions.class,
				v -> assertThat(v.questions()).extracting(q -> q.umbrellaCode())
					.containsExactlyInAnyOrder("SUSPENSION", "INTERMITENTES")));
		assertThat(state.phase()).isEqualTo(Phase.AWAITING_VARIANTS);

		say("la suspensión trasera");
		Decision last = say("los intermitentes delanteros");

		assertThat(state.items()).containsExactlyInAnyOrder("ESCAPE", "SUSPENSION_TRAS", "INTERMITENTES_DEL");
		assertThat(quote(last).quote().tierCode()).isEqualTo("T3");
	}

	@Test
	void recomputesWhenElementsAreAddedOrRemoved() {
		say("escape");
		assertThat(state.items()).containsExactly("ESCAPE");

		Decision added = say("y también el manillar");
		assertThat(quote(added).updated()).isTrue();
		assertThat(quote(added).quote().tierCode()).isEqualTo("T5");

		Decision removed = say("quita el escape");
		assertThat(quote(removed).quote().tierCode()).isEqualTo("T6");
		assertThat(state.items()).containsExactly("MANILLAR");
	}

	@Test
	void neverPricesAnUnknownTermAndSaysItDifferentlyTheSecondTime() {
		Decision first = say("le he puesto un turbo");
		assertThat(first.effects()).isEmpty();
		assertThat(first.replies()).anySatisfy(r -> assertThat(r).isInstanceOf(ReplyIntent.UnknownTerms.class));

		Decision second = say("un turbo, ya te digo");

		assertThat(second.effects()).isEmpty();
		assertThat(second.replies()).singleElement().isInstanceOfSatisfying(ReplyIntent.NotUnderstoodAgain.class,
				again -> assertThat(again.unknownTerms()).containsExactly("turbo"));
		assertThat(say("pues eso, un turbo").replies()).containsExactly(new ReplyIntent.PersonOffered());
		assertThat(say("turbo!!").effects()).containsExactly(new Effect.Escalate(EscalationCause.STUCK));
	}

	@Test
	void theVariantQuestionAskedASecondTimeIsRephrasedWithAnExampleAnswerFromItsOptions() {
		assertThat(say("le he cambiado la suspensión").replies()).anySatisfy(
				r -> assertThat(r).isInstanceOf(ReplyIntent.VariantQuestions.class));

		Decision second = say("zxcv");

		var again = (ReplyIntent.VariantQuestionsAgain) second.replies().get(0);
		assertThat(second.replies()).hasSize(1);
		assertThat(second.effects()).isEmpty();
		List<String> options = again.questions().get(0).options().stream().map(o -> o.nameEs().toLowerCase()).toList();
		assertThat(options).anySatisfy(option -> assertThat(option).contains(again.exampleAnswer()));
		String text = String.join("\n", composer.compose(second.replies(), ""));
		assertThat(text).contains("1. " + again.questions().get(0).options().get(0).nameEs())
			.contains("2. " + again.questions().get(0).options().get(1).nameEs())
			.contains("«" + again.exampleAnswer() + "»");
		// The example is one the customer can copy: it answers the question.
		say(again.exampleAnswer());
		assertThat(state.phase()).isEqualTo(Phase.QUOTED);
		assertThat(state.items()).containsExactly(again.questions().get(0).options().get(0).code());
	}

	@Test
	void aNumberAnswersTheQuestionRepeatedWithNumberedOptions() {
		say("le he cambiado la suspensión");
		var again = (ReplyIntent.VariantQuestionsAgain) say("zxcv").replies().get(0);

		say("la 2");

		assertThat(state.items()).containsExactly(again.questions().get(0).options().get(1).code());
		assertThat(state.phase()).isEqualTo(Phase.QUOTED);
	}

	@Test
	void withSeveralQuestionsOpenANumberIsNotAnAnswerAndTheOptionsAreNotNumbered() {
		say("le he cambiado la suspensión y los intermitentes");
		Decision again = say("zxcv");
		assertThat(String.join("\n", composer.compose(again.replies(), ""))).doesNotContain("1. ").contains("• ");

		Decision number = say("1");

		assertThat(state.items()).isEmpty();
		assertThat(number.replies()).containsExactly(new ReplyIntent.PersonOffered());
	}

	@Test
	void theSecondMissWithNothingSelectedGivesElementsOfTheCustomersCategoryAsTheExample() {
		PolicyContext pro = new PolicyContext(ClientType.PROFESIONAL, VehicleType.AUTOCARAVANA, "aseicars-prof", "Taller");
		List<String> examples = new java.util.ArrayList<>();
		for (PolicyContext context : List.of(MOTO, pro)) {
			state = DialogueState.initial();
			say("asdf qwer", context);
			Decision second = say("zxcv", context);

			var again = (ReplyIntent.NotUnderstoodAgain) second.replies().get(0);
			assertThat(again.selected()).isEmpty();
			assertThat(again.exampleElements()).hasSize(2);
			var match = new ElementMatcher(catalog).match(context.categorySlug(), String.join(" y ", again.exampleElements()));
			assertThat(match.items().size() + match.pendingQuestions().size()).isEqualTo(2);
			examples.addAll(again.exampleElements());
		}
		assertThat(examples).doesNotHaveDuplicates();
	}

	@Test
	void theSecondMissAfterAQuoteNamesWhatIsSelected() {
		say("escape");
		say("asdf qwer");

		Decision second = say("zxcv");

		assertThat(second.replies()).singleElement().isInstanceOfSatisfying(ReplyIntent.NotUnderstoodAgain.class,
				again -> assertThat(again.selected()).containsExactly("escape"));
		assertThat(String.join("\n", composer.compose(second.replies(), ""))).contains("«quita escape»");
	}

	@Test
	void aQuestionIsNeverAskedAThirdTimeInARowAPersonIsOfferedInstead() {
		say("le he cambiado la suspensión");
		say("zxcv");

		Decision third = say("qwerty");

		assertThat(third.replies()).containsExactly(new ReplyIntent.PersonOffered());
		assertThat(third.effects()).isEmpty();
		assertThat(state.offer()).isEqualTo(DialogueState.Offer.HANDOFF);
		assertThat(state.phase()).isEqualTo(Phase.AWAITING_VARIANTS);
	}

	@ParameterizedTest
	@ValueSource(strings = { "sí", "vale", "por favor" })
	void yesToThePersonOfferedHandsOffAsStuck(String yes) {
		missThreeTimes();

		Decision accepted = say(yes);

		assertThat(accepted.effects()).containsExactly(new Effect.Escalate(EscalationCause.STUCK));
		assertThat(state.phase()).isEqualTo(Phase.HANDED_OFF);
	}

	@Test
	void noToThePersonOfferedStaysWithTheBotButOneMoreMissHandsOver() {
		say("le he cambiado la suspensión");
		say("zxcv");
		say("qwerty");

		Decision declined = say("no");

		assertThat(declined.effects()).isEmpty();
		assertThat(declined.replies()).first().isEqualTo(new ReplyIntent.StayWithBot());
		assertThat(declined.replies()).last().isInstanceOf(ReplyIntent.VariantQuestions.class);
		assertThat(state.offer()).isEqualTo(DialogueState.Offer.NONE);
		assertThat(say("asdf").effects()).containsExactly(new Effect.Escalate(EscalationCause.STUCK));
	}

	@Test
	void noToThePersonOfferedThenAnAnswerGoesOn() {
		say("le he cambiado la suspensión");
		say("zxcv");
		say("qwerty");
		say("no");

		say("la trasera");

		assertThat(state.phase()).isEqualTo(Phase.QUOTED);
		assertThat(state.stalls()).isZero();
	}

	@Test
	void noToThePersonOfferedAfterAQuoteLeadsBackToTheQuote() {
		say("escape");
		missThreeTimes();

		Decision declined = say("no");

		assertThat(declined.replies()).containsExactly(new ReplyIntent.StayWithBot(), new ReplyIntent.QuoteStillOpen());
		assertThat(say("vale").effects()).first().isEqualTo(new Effect.AcceptQuote());
	}

	@Test
	void aFourthMissHandsOffAsStuck() {
		missThreeTimes();

		Decision fourth = say("ñlkj");

		assertThat(fourth.effects()).containsExactly(new Effect.Escalate(EscalationCause.STUCK));
		assertThat(fourth.replies()).containsExactly(new ReplyIntent.HandoffNotice(EscalationCause.STUCK));
		assertThat(state.phase()).isEqualTo(Phase.HANDED_OFF);
	}

	@Test
	void progressResetsTheCount() {
		say("asdf qwer");
		assertThat(say("zxcv").replies()).singleElement().isInstanceOf(ReplyIntent.NotUnderstoodAgain.class);

		say("escape");
		assertThat(state.stalls()).isZero();

		assertThat(say("asdf qwer").replies()).containsExactly(new ReplyIntent.NotUnderstood(false));
		assertThat(say("zxcv").replies()).singleElement().isInstanceOf(ReplyIntent.NotUnderstoodAgain.class);
		assertThat(say("qwerty").replies()).containsExactly(new ReplyIntent.PersonOffered());
	}

	@ParameterizedTest
	@ValueSource(strings = { "Hola", "le he cambiado la suspensión", "escape" })
	void neverSendsTheSameTextThreeTimesInARowToUnintelligibleMessages(String opening) {
		List<List<String>> replies = new java.util.ArrayList<>();
		replies.add(paragraphs(say(opening)));
		boolean handedOff = false;
		for (String gibberish : List.of("asdf", "qwer", "zxcv", "ñlkj", "poiu", "mnbv")) {
			Decision decision = say(gibberish);
			handedOff |= decision.effects().contains(new Effect.Escalate(EscalationCause.STUCK));
			replies.add(paragraphs(decision));
		}

		assertThat(handedOff).isTrue();
		for (int i = 0; i + 2 < replies.size(); i++) {
			List<String> repeated = new java.util.ArrayList<>(replies.get(i));
			repeated.retainAll(replies.get(i + 1));
			repeated.retainAll(replies.get(i + 2));
			assertThat(repeated).as("said in replies %d, %d and %d: %s", i, i + 1, i + 2, replies).isEmpty();
		}
	}

	private List<String> paragraphs(Decision decision) {
		return List.of(String.join("\n", composer.compose(decision.replies(), "Te atenderá una persona en breve."))
			.split("\n\n"));
	}

	private void missThreeTimes() {
		say("asdf qwer");
		say("zxcv");
		assertThat(say("qwerty").replies()).containsExactly(new ReplyIntent.PersonOffered());
	}

	@Test
	void acceptingTheQuoteOpensACaseAndTheCaseFlowTakesTheNextTurns() {
		say("escape");

		Decision accepted = say("vale");

		assertThat(accepted.effects()).hasSize(2).first().isEqualTo(new Effect.AcceptQuote());
		assertThat(accepted.effects().get(1)).isInstanceOfSatisfying(Effect.OpenCase.class,
				open -> assertThat(open.quote().tierCode()).isEqualTo("T6"));
		assertThat(accepted.state().phase()).isEqualTo(Phase.COLLECTING_CASE);
		assertThat(accepted.replies()).containsExactly(new ReplyIntent.CaseMessage());
		assertThat(say("12345678Z").effects()).containsExactly(new Effect.CollectCase());
		Decision asked = say("cancelar");
		assertThat(asked.effects()).isEmpty();
		assertThat(asked.replies()).containsExactly(new ReplyIntent.ConfirmCaseCancel());
		Decision cancelled = say("sí");
		assertThat(cancelled.effects()).containsExactly(new Effect.CancelCase());
		assertThat(cancelled.state().phase()).isEqualTo(Phase.COLLECTING_ELEMENTS);
	}

	@Test
	void aCancelWordInsideAQuestionDoesNotThrowTheCaseAway() {
		say("escape");
		say("vale");

		assertThat(say("¿puedo cancelar luego si no me convence?").replies())
			.containsExactly(new ReplyIntent.ConfirmCaseCancel());
		Decision kept = say("no");
		assertThat(kept.effects()).containsExactly(new Effect.ResumeCase());
		assertThat(kept.state().phase()).isEqualTo(Phase.COLLECTING_CASE);
		assertThat(say("12345678Z").effects()).containsExactly(new Effect.CollectCase());
	}

	@Test
	void aQuestionDuringTheCaseIsAnsweredAndNotTakenAsCaseData() {
		var faq = new es.msia.bot.conversation.understanding.FaqAnswering(understanding,
				q -> q.toLowerCase().contains("itv") ? java.util.Optional.of("Respuesta ITV") : java.util.Optional.empty());
		say("escape");
		say("vale");

		Decision question = decideWith(faq, "¿Dónde está la ITV más cercana?");
		assertThat(question.effects()).containsExactly(new Effect.ResumeCase());
		assertThat(question.replies()).containsExactly(new ReplyIntent.FaqAnswer("Respuesta ITV"), new ReplyIntent.BackToCase(),
				new ReplyIntent.CaseMessage());
		assertThat(question.state().phase()).isEqualTo(Phase.COLLECTING_CASE);

		Decision unanswered = decideWith(faq, "¿puedo pagar con tarjeta?");
		assertThat(unanswered.effects()).containsExactly(new Effect.ResumeCase());
		assertThat(unanswered.replies()).startsWith(new ReplyIntent.CaseQuestionForTeam());

		// The knowledge base also matches plain data ("ITV ..."): not a question, so it is case data.
		assertThat(decideWith(faq, "ITV Málaga - Guadalhorce").effects()).containsExactly(new Effect.CollectCase());
	}

	@Test
	void valuesTheModelReadGoToTheCaseFlowButNotWithAQuestion() {
		say("escape");
		say("vale");
		var read = new AgentCommand.ProvideCaseFields(java.util.Map.of("marca_modelo", "Akrapovic"));

		Decision collected = policy.decide(state, List.of(new AgentCommand.Unknown("un akrapovic"), read,
				new AgentCommand.ProvideCaseFields(java.util.Map.of("marca_modelo", "otro", "tipo", "Colector"))), MOTO);
		assertThat(collected.effects()).containsExactly(new Effect.CollectCase(java.util.Map.of("marca_modelo", "Akrapovic",
				"tipo", "Colector")));
		state = collected.state();

		Decision question = policy.decide(state, List.of(new AgentCommand.AskQuestion("¿y la ITV cuándo?"), read), MOTO);
		assertThat(question.effects()).containsExactly(new Effect.ResumeCase());
	}

	private Decision decideWith(es.msia.bot.conversation.understanding.Understanding with, String text) {
		var commands = with.understand(new UnderstandingContext(state.phase(), MOTO.categorySlug(), state.pendingUmbrellas(),
				state.items()), text);
		Decision decision = policy.decide(state, commands, MOTO);
		state = decision.state();
		return decision;
	}

	@Test
	void aCarHasNoTariffAndGoesToAPerson() {
		Decision decision = say("quiero legalizar el escape de mi coche");

		assertThat(decision.replies()).anySatisfy(r -> assertThat(r).isInstanceOf(ReplyIntent.NoTariff.class));
		assertThat(decision.effects()).containsExactly(new Effect.Escalate(EscalationCause.NO_TARIFF));
	}

	@Test
	void aProfessionalMotorcyclistHasNoTariff() {
		PolicyContext professionalRider = new PolicyContext(ClientType.PROFESIONAL, VehicleType.MOTO, null, "Luis");

		Decision decision = say("hola, escape y manillar", professionalRider);

		assertThat(decision.effects()).containsExactly(new Effect.Escalate(EscalationCause.NO_TARIFF));
	}

	@Test
	void asksForAPersonAtAnyTime() {
		say("escape");

		assertThat(say("prefiero hablar con una persona").effects())
			.containsExactly(new Effect.Escalate(EscalationCause.CUSTOMER_REQUEST));
	}

	@Test
	void offersAPersonForQuestionsItCannotAnswerAndAcceptsTheOffer() {
		say("escape");
		Decision question = say("¿cuánto tardáis?");
		assertThat(question.replies()).containsExactly(new ReplyIntent.QuestionForPerson());

		assertThat(say("sí").effects()).containsExactly(new Effect.Escalate(EscalationCause.CUSTOMER_REQUEST));
	}

	@Test
	void sendsExampleImagesOncePerQuote() {
		say("escape y matrícula");
		Decision first = say("¿me mandas fotos de ejemplo?");
		Decision second = say("¿me mandas fotos de ejemplo?");

		assertThat(first.effects()).hasSize(1).first().isInstanceOf(Effect.SendExamples.class);
		assertThat(second.effects()).isEmpty();
	}

	@Test
	void motorhomeProfessionalsAreQuotedFromTheirList() {
		PolicyContext pro = new PolicyContext(ClientType.PROFESIONAL, VehicleType.AUTOCARAVANA, "aseicars-prof", "Taller");

		Decision decision = say("hemos instalado aire acondicionado en una autocaravana", pro);

		assertThat(quote(decision).quote().tierCode()).isEqualTo("T4");
		assertThat(quote(decision).quote().tierPrice()).isEqualByComparingTo("135");
	}

	private static ReplyIntent.QuoteGiven quote(Decision decision) {
		return decision.replies()
			.stream()
			.filter(ReplyIntent.QuoteGiven.class::isInstance)
			.map(ReplyIntent.QuoteGiven.class::cast)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no quote in " + decision.replies()));
	}

}
