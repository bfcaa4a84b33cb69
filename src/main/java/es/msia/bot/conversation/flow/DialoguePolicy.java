package es.msia.bot.conversation.flow;

import java.util.ArrayList;
import java.util.List;

import es.msia.bot.catalog.CatalogDefinition;
import es.msia.bot.catalog.ElementDefinition;
import es.msia.bot.catalog.PendingVariantQuestion;
import es.msia.bot.catalog.Quote;
import es.msia.bot.catalog.QuoteEngine;
import es.msia.bot.catalog.VehicleType;
import es.msia.bot.conversation.command.AgentCommand;
import es.msia.bot.conversation.command.AgentCommand.AnswerVariant;
import es.msia.bot.conversation.command.AgentCommand.MentionElements;
import es.msia.bot.conversation.command.AgentCommand.MentionVehicle;
import es.msia.bot.conversation.command.AgentCommand.RemoveElements;
import es.msia.bot.conversation.flow.DialogueState.Offer;
import es.msia.bot.conversation.flow.ReplyIntent.*;

/**
 * The deterministic dialogue policy: given the state and what the customer said (as commands), decides
 * the next state, the reply and the side effects. The LLM never decides the phase, the price or the
 * next question; this class does, and it needs neither Redis nor HTTP to be tested.
 */
public class DialoguePolicy {

	private final CatalogDefinition catalog;

	private final CatalogExamples examples;

	private final QuoteEngine quotes;

	public DialoguePolicy(CatalogDefinition catalog) {
		this.catalog = catalog;
		this.quotes = new QuoteEngine(catalog);
		this.examples = new CatalogExamples(catalog);
	}

	public Decision decide(DialogueState state, List<AgentCommand> commands, PolicyContext context) {
		Turn turn = new Turn(state, context);
		if (state.phase() == Phase.NEW) {
			turn.say(new Greeting(context.firstName()));
		}
		if (has(commands, AgentCommand.RequestHuman.class)) {
			return turn.escalate(EscalationCause.CUSTOMER_REQUEST);
		}
		if (state.offer() == Offer.CHOOSE_CASE) {
			// Asked «¿por cuál?» last turn: a reply that names no case is read as usual.
			turn.state = turn.state.withOffer(Offer.NONE);
			AgentCommand.ChooseCase chosen = first(commands, AgentCommand.ChooseCase.class);
			if (chosen != null) {
				return aboutCase(turn, chosen.reference());
			}
		}
		if (has(commands, AgentCommand.AskAboutCase.class)) {
			return aboutCase(turn, null);
		}
		if (state.phase() == Phase.COLLECTING_CASE) {
			return collectingCase(turn, commands);
		}
		VehicleType named = commands.stream().filter(MentionVehicle.class::isInstance).map(c -> ((MentionVehicle) c).vehicleType())
			.findFirst().orElse(null);
		if (context.categorySlug() == null || (named != null && !servedVehicle(context, named))) {
			turn.say(new NoTariff(context.categorySlug() == null ? "category" : named.code()));
			return turn.escalate(EscalationCause.NO_TARIFF);
		}
		if (has(commands, AgentCommand.Cancel.class)) {
			turn.state = DialogueState.initial().with(Phase.COLLECTING_ELEMENTS);
			return turn.say(new Cancelled()).decision();
		}
		Selection selection = new Selection(state, code -> umbrellaOf(context.categorySlug(), code));
		for (AgentCommand command : commands) {
			if (command instanceof AnswerVariant answer) {
				selection.answer(answer);
			}
			else if (command instanceof MentionElements mention) {
				selection.mention(mention);
			}
			else if (command instanceof RemoveElements remove) {
				selection.remove(remove);
			}
		}
		boolean selectionTouched = commands.stream()
			.anyMatch(c -> c instanceof AnswerVariant || c instanceof MentionElements || c instanceof RemoveElements);
		if (selectionTouched) {
			return afterSelection(turn, selection, commands);
		}
		return shortAnswers(turn, commands);
	}

	/**
	 * An open case: the case flow reads the message (values, corrections, files) and says what is next; a
	 * cancellation closes the case and the dialogue starts over.
	 */
	private Decision collectingCase(Turn turn, List<AgentCommand> commands) {
		turn.progress(true);
		AgentCommand.AskQuestion question = questionDuringCase(commands);
		boolean cancelAsked = turn.state.offer() == Offer.CANCEL_CASE;
		if (cancelAsked) {
			turn.state = turn.state.withOffer(Offer.NONE);
		}
		if (cancelAsked && (has(commands, AgentCommand.Affirm.class) || has(commands, AgentCommand.Cancel.class))) {
			turn.effect(new Effect.CancelCase());
			turn.state = DialogueState.initial().with(Phase.COLLECTING_ELEMENTS);
		}
		else if (has(commands, AgentCommand.Cancel.class)) {
			// A case holds photos and documents collected over days: a cancel word inside another sentence
			// ("¿puedo cancelar luego?") must not throw them away, so cancelling is confirmed first.
			turn.state = turn.state.withOffer(Offer.CANCEL_CASE);
			return turn.say(new ConfirmCaseCancel()).decision();
		}
		else if (cancelAsked && has(commands, AgentCommand.Deny.class)) {
			turn.say(new BackToCase());
			turn.effect(new Effect.ResumeCase());
		}
		else if (question != null) {
			// Answered, then the pending question again; the question's words must not become a field value.
			turn.say(question.faqAnswer() != null ? new FaqAnswer(question.faqAnswer()) : new CaseQuestionForTeam());
			turn.say(new BackToCase());
			turn.effect(new Effect.ResumeCase());
		}
		else {
			turn.effect(new Effect.CollectCase(proposedFields(commands)));
		}
		return turn.say(new CaseMessage()).decision();
	}

	/** The values an LLM read for the case's fields; the case flow decides what they are worth. */
	private static java.util.Map<String, String> proposedFields(List<AgentCommand> commands) {
		java.util.Map<String, String> proposed = new java.util.LinkedHashMap<>();
		commands.stream()
			.filter(AgentCommand.ProvideCaseFields.class::isInstance)
			.forEach(c -> ((AgentCommand.ProvideCaseFields) c).values().forEach(proposed::putIfAbsent));
		return proposed;
	}

	/**
	 * A question the customer asks while the case is collected ("¿cuánto tarda?"). Only a message phrased
	 * as a question counts: the knowledge base also matches plain data ("ITV Málaga", "el email es …"),
	 * which is an answer for the case, not a question.
	 */
	private static AgentCommand.AskQuestion questionDuringCase(List<AgentCommand> commands) {
		return commands.stream()
			.filter(AgentCommand.AskQuestion.class::isInstance)
			.map(AgentCommand.AskQuestion.class::cast)
			.filter(q -> PHRASED_AS_QUESTION.matcher(fold(q.text())).find())
			.findFirst()
			.orElse(null);
	}

	private static final java.util.regex.Pattern PHRASED_AS_QUESTION = java.util.regex.Pattern.compile(
			"[?¿]|^\\W*(cuanto|cuanta|cuantos|cuantas|cuando|donde|como|cual|cuales|por que|puedo|se puede|hay que|"
					+ "teneis|haceis|tengo que|necesito saber|una pregunta)\\b");

	private static String fold(String text) {
		return java.text.Normalizer.normalize(text.toLowerCase(java.util.Locale.ROOT), java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "").trim();
	}

	/**
	 * «¿Cómo va mi expediente?»: answered from the case in any phase (the case module builds the text, and
	 * for a case being collected asks its pending question again). Whatever else was offered is dropped: a
	 * «sí» after this answer must not cancel a case or open one.
	 */
	private Decision aboutCase(Turn turn, @org.jspecify.annotations.Nullable String reference) {
		turn.progress(true);
		turn.state = turn.state.withOffer(Offer.NONE);
		if (turn.before.phase() == Phase.NEW) {
			turn.state = turn.state.with(Phase.COLLECTING_ELEMENTS);
		}
		turn.effect(new Effect.AnswerAboutCase(reference));
		return turn.say(new CaseMessage()).decision();
	}

	private static <T extends AgentCommand> T first(List<AgentCommand> commands, Class<T> type) {
		return commands.stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
	}

	/** The panic button: whatever was said, a person takes the conversation. */
	public Decision panic(DialogueState state, PolicyContext context) {
		Turn turn = new Turn(state, context);
		return turn.escalate(EscalationCause.PANIC_BUTTON);
	}

	private Decision afterSelection(Turn turn, Selection selection, List<AgentCommand> commands) {
		DialogueState state = turn.state.withSelection(selection.items(), selection.pending(), selection.unknown());
		turn.state = state;
		if (!selection.pending().isEmpty()) {
			turn.state = state.with(Phase.AWAITING_VARIANTS).withOffer(Offer.NONE);
			turn.progress(selection.itemsChanged() || !turn.before.pendingUmbrellas().equals(state.pendingUmbrellas()));
			List<ReplyIntent> ask = new ArrayList<>(List.of(new VariantQuestions(selection.pending())));
			if (!selection.unknown().isEmpty()) {
				ask.add(new UnknownTerms(selection.unknown(), true));
			}
			// The variant questions were asked last turn: repeating them is their second time.
			return turn.ask(ask, () -> variantQuestionsAgain(turn, selection.pending()), true);
		}
		if (selection.items().isEmpty()) {
			turn.state = state.with(Phase.COLLECTING_ELEMENTS).withOffer(Offer.NONE);
			if (!selection.unknown().isEmpty()) {
				turn.progress(false);
				return turn.ask(List.of(new UnknownTerms(selection.unknown(), false)),
						() -> notUnderstoodAgain(turn, selection.unknown()), false);
			}
			turn.progress(true);
			return turn.say(turn.before.items().isEmpty() ? new AskForElements() : new SelectionEmpty()).decision();
		}
		turn.progress(true);
		if (selection.itemsChanged() || turn.before.phase() != Phase.QUOTED) {
			Quote quote = quotes.quote(turn.context.categorySlug(), selection.items());
			// From turn.state, not state: the progress just counted must survive the phase change.
			turn.state = turn.state.with(Phase.QUOTED).withOffer(Offer.OPEN_CASE).withExamplesSent(List.of());
			turn.effect(new Effect.RecordQuote(quote));
			turn.say(new QuoteGiven(quote, turn.before.phase() == Phase.QUOTED));
		}
		if (!selection.unknown().isEmpty()) {
			turn.say(new UnknownTerms(selection.unknown(), true));
		}
		if (has(commands, AgentCommand.RequestExamples.class)) {
			examples(turn);
		}
		return turn.decision();
	}

	private Decision shortAnswers(Turn turn, List<AgentCommand> commands) {
		DialogueState state = turn.state;
		if (has(commands, AgentCommand.RequestExamples.class)) {
			turn.progress(true);
			examples(turn);
			return turn.decision();
		}
		if (has(commands, AgentCommand.Affirm.class)) {
			if (state.offer() == Offer.OPEN_CASE && state.phase() == Phase.QUOTED) {
				turn.progress(true);
				turn.effect(new Effect.AcceptQuote());
				turn.effect(new Effect.OpenCase(quotes.quote(turn.context.categorySlug(), state.items())));
				turn.state = turn.state.with(Phase.COLLECTING_CASE).withOffer(Offer.NONE);
				return turn.say(new CaseMessage()).decision();
			}
			if (state.offer() == Offer.HANDOFF) {
				// Only the person offered because the bot was stuck leaves a count; a person offered for a
				// question comes with progress, and the count is reset.
				return turn.escalate(state.stalls() > 0 ? EscalationCause.STUCK : EscalationCause.CUSTOMER_REQUEST);
			}
		}
		if (has(commands, AgentCommand.Deny.class)) {
			turn.progress(true);
			if (state.offer() == Offer.HANDOFF) {
				return stayWithBot(turn);
			}
			if (state.phase() == Phase.QUOTED) {
				turn.state = turn.state.withOffer(Offer.NONE);
				return turn.say(new QuoteDeclined()).decision();
			}
		}
		if (has(commands, AgentCommand.AskQuestion.class)) {
			turn.progress(true);
			String answer = commands.stream().filter(AgentCommand.AskQuestion.class::isInstance)
				.map(c -> ((AgentCommand.AskQuestion) c).faqAnswer()).filter(java.util.Objects::nonNull)
				.findFirst().orElse(null);
			if (answer != null) {
				return turn.say(new FaqAnswer(answer)).decision();
			}
			turn.state = turn.state.withOffer(Offer.HANDOFF);
			return turn.say(new QuestionForPerson()).decision();
		}
		AgentCommand.SendMedia media = commands.stream()
			.filter(AgentCommand.SendMedia.class::isInstance)
			.map(AgentCommand.SendMedia.class::cast)
			.findFirst()
			.orElse(null);
		if (media != null) {
			turn.progress(true);
			if (state.phase() == Phase.NEW) {
				turn.state = turn.state.with(Phase.COLLECTING_ELEMENTS);
			}
			return turn.say(new MediaReceived(media.voiceNote(), state.phase() == Phase.QUOTED)).decision();
		}
		if (has(commands, AgentCommand.Thank.class)) {
			turn.progress(true);
			return turn.say(new Welcome()).decision();
		}
		if (has(commands, AgentCommand.Greet.class) && !has(commands, AgentCommand.Unknown.class)) {
			turn.progress(true);
			if (state.phase() == Phase.NEW || state.items().isEmpty()) {
				turn.state = turn.state.with(Phase.COLLECTING_ELEMENTS);
				return turn.say(new AskForElements()).decision();
			}
			return turn.decision();
		}
		turn.progress(false);
		if (state.phase() == Phase.NEW) {
			// From turn.state, not state: the stall just counted must survive the phase change.
			turn.state = turn.state.with(Phase.COLLECTING_ELEMENTS);
		}
		if (state.phase() == Phase.AWAITING_VARIANTS && !state.pending().isEmpty()) {
			return turn.ask(List.of(new VariantQuestions(state.pending())), () -> variantQuestionsAgain(turn, state.pending()),
					true);
		}
		// The terms not found last turn are what the customer is most likely still trying to say.
		return turn.ask(List.of(new NotUnderstood(false)), () -> notUnderstoodAgain(turn, state.unknownTerms()), false);
	}

	/**
	 * The customer declined a person: the step they were at is asked again. A person offered because the bot
	 * was stuck keeps its count, so one more miss hands over, as the offer said.
	 */
	private Decision stayWithBot(Turn turn) {
		turn.state = turn.state.withOffer(Offer.NONE).withStalls(turn.before.stalls());
		turn.say(new StayWithBot());
		DialogueState state = turn.state;
		if (state.phase() == Phase.AWAITING_VARIANTS && !state.pending().isEmpty()) {
			return turn.say(new VariantQuestions(state.pending())).decision();
		}
		if (state.phase() == Phase.QUOTED) {
			// The offer a person replaced: a «sí» opens the case again.
			turn.state = state.withOffer(Offer.OPEN_CASE);
			return turn.say(new QuoteStillOpen()).decision();
		}
		return turn.say(new AskForElements()).decision();
	}

	private ReplyIntent variantQuestionsAgain(Turn turn, List<PendingVariantQuestion> pending) {
		return new VariantQuestionsAgain(pending, examples.answer(turn.context.categorySlug(), pending.get(0)));
	}

	private ReplyIntent notUnderstoodAgain(Turn turn, List<String> unknownTerms) {
		String slug = turn.context.categorySlug();
		List<String> items = turn.state.items();
		return new NotUnderstoodAgain(examples.names(slug, items), unknownTerms, examples.elements(slug, items, 2));
	}

	private void examples(Turn turn) {
		DialogueState state = turn.state;
		if (state.items().isEmpty()) {
			turn.say(new NoExamples(true));
			return;
		}
		List<String> toSend = state.items().stream().filter(i -> !state.examplesSent().contains(i)).toList();
		long images = toSend.stream()
			.flatMap(i -> exampleImages(turn.context.categorySlug(), i).stream())
			.distinct()
			.count();
		if (images == 0) {
			turn.say(new NoExamples(false));
			return;
		}
		List<String> sent = new ArrayList<>(state.examplesSent());
		sent.addAll(toSend);
		turn.state = state.withExamplesSent(sent);
		turn.effect(new Effect.SendExamples(toSend));
		turn.say(new ExamplesComing((int) images));
	}

	/** The example slides of an element (a variant uses its umbrella's), in catalogue order. */
	public List<String> exampleImages(String categorySlug, String itemCode) {
		return catalog.category(categorySlug)
			.flatMap(c -> c.elements()
				.stream()
				.filter(e -> e.code().equals(itemCode) || e.variant(itemCode).isPresent())
				.findFirst())
			.map(ElementDefinition::exampleImages)
			.orElse(List.of());
	}

	private String umbrellaOf(String categorySlug, String code) {
		return catalog.category(categorySlug)
			.flatMap(c -> c.elements().stream().filter(e -> e.variant(code).isPresent()).findFirst())
			.map(ElementDefinition::code)
			.orElse(null);
	}

	private boolean servedVehicle(PolicyContext context, VehicleType vehicle) {
		return catalog.categoryFor(context.clientType(), vehicle).isPresent();
	}

	private static boolean has(List<AgentCommand> commands, Class<? extends AgentCommand> type) {
		return commands.stream().anyMatch(type::isInstance);
	}

	/** The decision being built for one turn. */
	private static final class Turn {

		final DialogueState before;

		final PolicyContext context;

		DialogueState state;

		final List<ReplyIntent> replies = new ArrayList<>();

		final List<Effect> effects = new ArrayList<>();

		Turn(DialogueState state, PolicyContext context) {
			this.before = state;
			this.state = state;
			this.context = context;
		}

		Turn say(ReplyIntent intent) {
			replies.add(intent);
			return this;
		}

		void effect(Effect effect) {
			effects.add(effect);
		}

		void progress(boolean made) {
			state = state.withStalls(made ? 0 : before.stalls() + 1);
		}

		/**
		 * Asks the current step as the stall count allows: as usual, said differently, not at all but with a
		 * person offered, or, after that, by handing the conversation to a person.
		 */
		Decision ask(List<ReplyIntent> asUsual, java.util.function.Supplier<ReplyIntent> saidDifferently,
				boolean askedLastTurn) {
			switch (Repetition.after(state.stalls() + (askedLastTurn ? 1 : 0))) {
				case ASK -> asUsual.forEach(this::say);
				case REPHRASE -> say(saidDifferently.get());
				case OFFER_PERSON -> {
					state = state.withOffer(Offer.HANDOFF);
					say(new PersonOffered());
				}
				case HAND_OFF -> {
					return escalate(EscalationCause.STUCK);
				}
			}
			return decision();
		}

		Decision escalate(EscalationCause cause) {
			effects.add(new Effect.Escalate(cause));
			replies.add(new HandoffNotice(cause));
			state = state.with(Phase.HANDED_OFF).withOffer(Offer.NONE).withStalls(0);
			return decision();
		}

		Decision decision() {
			return new Decision(state, replies, effects);
		}

	}

}
