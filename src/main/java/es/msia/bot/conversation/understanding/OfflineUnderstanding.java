package es.msia.bot.conversation.understanding;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import es.msia.bot.cases.CaseStatusQuestion;
import es.msia.bot.catalog.ElementMatcher;
import es.msia.bot.catalog.MatchResult;
import es.msia.bot.catalog.MatchedItem;
import es.msia.bot.catalog.VariantAnswer;
import es.msia.bot.catalog.VehicleType;
import es.msia.bot.conversation.command.AgentCommand;
import es.msia.bot.conversation.command.AgentCommand.AnswerVariant;
import es.msia.bot.conversation.command.AgentCommand.MentionElements;
import es.msia.bot.conversation.command.AgentCommand.RemoveElements;
import es.msia.bot.conversation.flow.Phase;

import static es.msia.bot.conversation.understanding.SpanishCues.bare;

/**
 * Understanding without an LLM: Spanish cue patterns for intents and the catalogue's element matcher
 * for what the customer wants to legalise. Deterministic, so its behaviour is pinned by unit tests.
 */
public class OfflineUnderstanding implements Understanding {

	private final ElementMatcher matcher;

	public OfflineUnderstanding(ElementMatcher matcher) {
		this.matcher = matcher;
	}

	@Override
	public List<AgentCommand> understand(UnderstandingContext context, String text) {
		String normalised = SpanishCues.normalise(text);
		String bare = bare(normalised);
		List<AgentCommand> commands = new ArrayList<>();
		if (bare.isEmpty()) {
			return List.of(new AgentCommand.Unknown(text));
		}
		if (SpanishCues.HUMAN.matcher(bare).find() && (context.phase() != Phase.COLLECTING_CASE
				|| SpanishCues.ASKS_FOR_SOMEONE.matcher(bare).find())) {
			return List.of(new AgentCommand.RequestHuman());
		}
		if (SpanishCues.GREET.matcher(bare).find()) {
			commands.add(new AgentCommand.Greet());
		}
		if (CaseStatusQuestion.asks(text)) {
			// «¿cómo va mi expediente?» names no element even when it says «lo del escape»: only the question.
			commands.add(new AgentCommand.AskAboutCase(text));
			return commands;
		}
		vehicle(bare).ifPresent(v -> commands.add(new AgentCommand.MentionVehicle(v)));
		if (SpanishCues.CANCEL.matcher(bare).find() && !SpanishCues.REMOVE.matcher(bare).find()) {
			commands.add(new AgentCommand.Cancel());
			return commands;
		}
		if (SpanishCues.EXAMPLES.matcher(bare).find()) {
			commands.add(new AgentCommand.RequestExamples());
		}
		if (context.categorySlug() != null) {
			commands.addAll(elements(context, text, bare));
		}
		if (commands.stream().noneMatch(c -> c instanceof MentionElements || c instanceof AnswerVariant
				|| c instanceof RemoveElements)) {
			shortAnswer(bare, normalised, text).ifPresent(commands::add);
		}
		if (commands.isEmpty()) {
			commands.add(new AgentCommand.Unknown(text));
		}
		return commands;
	}

	private List<AgentCommand> elements(UnderstandingContext context, String text, String bare) {
		List<AgentCommand> commands = new ArrayList<>();
		String slug = context.categorySlug();
		MatchResult match = matcher.match(slug, text);
		Set<String> answeredUmbrellas = new LinkedHashSet<>();
		for (String umbrella : answerable(context.pendingUmbrellas(), match)) {
			List<String> named = match.items().stream().filter(i -> umbrella.equals(i.umbrellaCode())).map(MatchedItem::code).toList();
			VariantAnswer answer = named.isEmpty() ? matcher.resolveVariantAnswer(slug, umbrella, text)
					: new VariantAnswer(umbrella, named);
			var number = SpanishCues.OPTION_NUMBER.matcher(bare);
			// A repeated question lists its options numbered; with several open, a bare number says not which.
			if (!answer.isResolved() && context.pendingUmbrellas().size() == 1 && number.matches()) {
				answer = matcher.resolveOptionNumber(slug, umbrella, Integer.parseInt(number.group(1)));
			}
			if (answer.isResolved()) {
				commands.add(new AnswerVariant(umbrella, answer.variantCodes()));
				answeredUmbrellas.add(umbrella);
			}
		}
		List<String> removals = new ArrayList<>();
		for (String excluded : match.excludedCodes()) {
			if (context.selectedItems().contains(excluded) || context.phase() == Phase.QUOTED) {
				removals.add(excluded);
			}
		}
		boolean removing = SpanishCues.REMOVE.matcher(bare).find();
		if (removing) {
			match.items().stream().map(MatchedItem::code).forEach(removals::add);
			match.pendingQuestions().forEach(q -> removals.add(q.umbrellaCode()));
		}
		if (!removals.isEmpty()) {
			commands.add(new RemoveElements(List.copyOf(new LinkedHashSet<>(removals))));
		}
		if (!removing) {
			List<String> items = match.items()
				.stream()
				.filter(i -> i.umbrellaCode() == null || !answeredUmbrellas.contains(i.umbrellaCode()))
				.map(MatchedItem::code)
				.toList();
			var questions = match.pendingQuestions()
				.stream()
				.filter(q -> !answeredUmbrellas.contains(q.umbrellaCode()) && !context.pendingUmbrellas().contains(q.umbrellaCode()))
				.toList();
			if (!items.isEmpty() || !questions.isEmpty() || !match.unknownTerms().isEmpty()) {
				commands.add(new MentionElements(items, questions, match.unknownTerms()));
			}
		}
		return commands;
	}

	/**
	 * With several variant questions open, an answer that names one umbrella ("la suspensión trasera")
	 * answers only that one; "la trasera" alone may answer any of them.
	 */
	private static List<String> answerable(List<String> pending, MatchResult match) {
		Set<String> named = new LinkedHashSet<>();
		match.pendingQuestions().forEach(q -> named.add(q.umbrellaCode()));
		match.items().stream().filter(i -> i.umbrellaCode() != null).forEach(i -> named.add(i.umbrellaCode()));
		List<String> mentioned = pending.stream().filter(named::contains).toList();
		return pending.size() > 1 && !mentioned.isEmpty() ? mentioned : pending;
	}

	private static java.util.Optional<AgentCommand> shortAnswer(String bare, String normalised, String text) {
		if (SpanishCues.THANK.matcher(bare).matches()) {
			return java.util.Optional.of(new AgentCommand.Thank());
		}
		if (SpanishCues.AFFIRM.matcher(bare).matches()) {
			return java.util.Optional.of(new AgentCommand.Affirm());
		}
		if (SpanishCues.DENY.matcher(bare).matches()) {
			return java.util.Optional.of(new AgentCommand.Deny());
		}
		if (normalised.contains("?") || SpanishCues.QUESTION_START.matcher(bare).find()) {
			return java.util.Optional.of(new AgentCommand.AskQuestion(text));
		}
		return java.util.Optional.empty();
	}

	private static java.util.Optional<VehicleType> vehicle(String bare) {
		if (bare.matches(".*\\b(coche|turismo|todoterreno|4x4|suv)\\b.*")) {
			return java.util.Optional.of(VehicleType.COCHE);
		}
		if (bare.matches(".*\\b(furgoneta|furgo|camper|camperizada|camperizacion)\\b.*")) {
			return java.util.Optional.of(VehicleType.FURGONETA);
		}
		if (bare.matches(".*\\b(camion|tractor|quad|remolque ligero|caravana remolcable)\\b.*")) {
			return java.util.Optional.of(VehicleType.OTRO);
		}
		return java.util.Optional.empty();
	}

}
