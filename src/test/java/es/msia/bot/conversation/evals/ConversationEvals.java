package es.msia.bot.conversation.evals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import es.msia.bot.catalog.CatalogDefinition;
import es.msia.bot.catalog.CategoryDefinition;
import es.msia.bot.catalog.ClientType;
import es.msia.bot.catalog.VehicleType;
import es.msia.bot.conversation.flow.Decision;
import es.msia.bot.conversation.flow.DialoguePolicy;
import es.msia.bot.conversation.flow.DialogueState;
import es.msia.bot.conversation.flow.PolicyContext;
import es.msia.bot.conversation.flow.ReplyIntent;
import es.msia.bot.conversation.llm.CallLedger;
import es.msia.bot.conversation.reply.ReplyComposer;
import es.msia.bot.conversation.understanding.Understanding;
import es.msia.bot.conversation.understanding.UnderstandingContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the eval conversations in process (understanding → policy → composer, as the graph's nodes do)
 * and checks each turn's expectations; prints the summary table.
 */
final class ConversationEvals {

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	/** What one run measured. */
	record Report(String engine, int conversations, int passed, int turns, List<String> failures, int calls,
			long promptTokens, long completionTokens, BigDecimal cost, long maxPromptTokens, double msPerTurn) {

		double passRate() {
			return conversations == 0 ? 0 : 100.0 * passed / conversations;
		}

		double callsPerTurn() {
			return turns == 0 ? 0 : (double) calls / turns;
		}

		String table() {
			return String.format(Locale.ROOT, """
					| engine | conversations | pass rate | turns | LLM calls/turn | prompt tokens/turn | completion tokens/turn | max prompt tokens/call | cost/conversation (USD credits) | latency ms/turn |
					|---|---|---|---|---|---|---|---|---|---|
					| %s | %d | %.1f %% (%d/%d) | %d | %.2f | %.0f | %.0f | %d | %.6f | %.1f |""", engine, conversations,
					passRate(), passed, conversations, turns, callsPerTurn(), turns == 0 ? 0.0 : (double) promptTokens / turns,
					turns == 0 ? 0.0 : (double) completionTokens / turns, maxPromptTokens,
					conversations == 0 ? 0.0 : cost.doubleValue() / conversations, msPerTurn);
		}

	}

	private ConversationEvals() {
	}

	static List<EvalCase> load() {
		List<EvalCase> cases = new ArrayList<>();
		try (BufferedReader in = new BufferedReader(new InputStreamReader(
				ConversationEvals.class.getResourceAsStream("/evals/conversations.jsonl"), StandardCharsets.UTF_8))) {
			String line;
			while ((line = in.readLine()) != null) {
				if (!line.isBlank() && !line.startsWith("//")) {
					cases.add(JSON.readValue(line, EvalCase.class));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return cases;
	}

	static Report run(String engine, List<EvalCase> cases, CatalogDefinition catalog, Understanding understanding,
			java.util.function.Supplier<List<CallLedger.Call>> calls) {
		DialoguePolicy policy = new DialoguePolicy(catalog);
		ReplyComposer composer = new ReplyComposer();
		List<String> failures = new ArrayList<>();
		int passed = 0;
		int turns = 0;
		long started = System.nanoTime();
		for (EvalCase c : cases) {
			List<String> problems = new ArrayList<>();
			ClientType client = ClientType.fromCode(c.client());
			VehicleType vehicle = VehicleType.fromCode(c.vehicle());
			String slug = catalog.categoryFor(client, vehicle).map(CategoryDefinition::slug).orElse(null);
			PolicyContext context = new PolicyContext(client, vehicle, slug, "Ana");
			DialogueState state = DialogueState.initial();
			for (EvalCase.Turn turn : c.turns()) {
				turns++;
				var commands = understanding.understand(new UnderstandingContext(state.phase(), slug, state.pendingUmbrellas(),
						state.items()), turn.say());
				Decision decision = policy.decide(state, commands, context);
				state = decision.state();
				String reply = String.join("\n", composer.compose(decision.replies(), "Te atenderá una persona en breve."));
				List<String> found = TurnCheck.check(turn, decision.replies(), reply);
				if (!found.isEmpty()) {
					problems.add("«" + turn.say() + "»: " + String.join(", ", found) + " " + TurnCheck.names(decision.replies())
							+ " after " + commands);
				}
			}
			if (problems.isEmpty()) {
				passed++;
			}
			else {
				failures.add(c.name() + " → " + String.join("; ", problems));
			}
		}
		double ms = (System.nanoTime() - started) / 1e6 / Math.max(1, turns);
		List<CallLedger.Call> made = calls.get();
		return new Report(engine, cases.size(), passed, turns, failures, made.stream().mapToInt(CallLedger.Call::attempts).sum(),
				made.stream().mapToLong(CallLedger.Call::promptTokens).sum(),
				made.stream().mapToLong(CallLedger.Call::completionTokens).sum(),
				made.stream().map(CallLedger.Call::cost).reduce(BigDecimal.ZERO, BigDecimal::add),
				made.stream().mapToLong(CallLedger.Call::promptTokens).max().orElse(0), ms);
	}

	/** The checks of one turn. */
	static final class TurnCheck {

		private TurnCheck() {
		}

		static List<String> check(EvalCase.Turn turn, List<ReplyIntent> intents, String reply) {
			EvalCase.Expect e = turn.expect();
			List<String> problems = new ArrayList<>();
			var quote = intents.stream().filter(ReplyIntent.QuoteGiven.class::isInstance).map(ReplyIntent.QuoteGiven.class::cast)
				.findFirst();
			if (e.tier() != null && !quote.map(q -> q.quote().tierCode()).orElse("none").equals(e.tier())) {
				problems.add("tier " + quote.map(q -> q.quote().tierCode()).orElse("none") + " ≠ " + e.tier());
			}
			if (e.price() != null && quote.map(q -> q.quote().tierPrice().compareTo(new BigDecimal(e.price())) != 0).orElse(true)) {
				problems.add("price " + quote.map(q -> q.quote().tierPrice().toPlainString()).orElse("none") + " ≠ " + e.price());
			}
			flag(problems, "variant question", e.variantQuestion(), has(intents, ReplyIntent.VariantQuestions.class));
			flag(problems, "handoff", e.handoff(), has(intents, ReplyIntent.HandoffNotice.class));
			flag(problems, "faq answer", e.faq(), has(intents, ReplyIntent.FaqAnswer.class));
			flag(problems, "no euro amount", e.noEuro(), !reply.contains("€"));
			if (e.intent() != null && intents.stream().noneMatch(i -> i.getClass().getSimpleName().equals(e.intent()))) {
				problems.add("no " + e.intent() + " in " + names(intents));
			}
			if (e.replyContains() != null && !reply.contains(e.replyContains())) {
				problems.add("reply lacks «" + e.replyContains() + "»");
			}
			if (e.replies() != null && intents.size() != e.replies()) {
				problems.add(intents.size() + " intents " + names(intents) + " ≠ " + e.replies());
			}
			return problems;
		}

		private static void flag(List<String> problems, String what, Boolean expected, boolean actual) {
			if (expected != null && expected != actual) {
				problems.add(what + (actual ? " present" : " missing"));
			}
		}

		private static boolean has(List<ReplyIntent> intents, Class<?> type) {
			return intents.stream().anyMatch(type::isInstance);
		}

		static List<String> names(List<ReplyIntent> intents) {
			return intents.stream().map(i -> i.getClass().getSimpleName()).toList();
		}

	}

}
