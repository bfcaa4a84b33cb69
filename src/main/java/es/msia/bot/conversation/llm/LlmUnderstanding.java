package es.msia.bot.conversation.llm;

import es.msia.bot.conversation.LlmChoice;
import es.msia.bot.shared.LogMasks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import es.msia.bot.catalog.CatalogDefinition;
import es.msia.bot.catalog.CategoryDefinition;
import es.msia.bot.catalog.ElementDefinition;
import es.msia.bot.knowledge.FaqEntry;
import es.msia.bot.conversation.command.AgentCommand;
import es.msia.bot.conversation.llm.LlmCallFailed.Reason;
import es.msia.bot.conversation.understanding.Understanding;
import es.msia.bot.conversation.understanding.UnderstandingContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Understanding through an LLM: one OpenRouter call per turn whose tool calls become commands. Any
 * failure (outage, 402, unusable output, open breaker, budget spent) hands the turn to the offline
 * engine, so the customer always gets an answer. The model understands; the only text it may write is
 * the answer to a question that the knowledge-base facts given in the same call cover, and that text
 * reaches the customer only if the {@link AnswerGuard} passes it (else the stored answer is sent and the
 * turn is accounted with fallback reason {@code guard}).
 */
public class LlmUnderstanding implements Understanding {

	private static final Logger log = LoggerFactory.getLogger(LlmUnderstanding.class);

	/**
	 * What the LLM path needs from the rest of the engine, resolved per turn.
	 *
	 * @param facts the few knowledge-base entries relevant to a message (matched offline), which the model
	 *     may answer from
	 */
	public record Sources(Supplier<CatalogDefinition> catalog, Understanding offline,
			Function<Long, List<String>> recentLines, Supplier<List<String>> faqKeys,
			Function<String, java.util.Optional<String>> faqAnswerByKey, Function<String, List<FaqEntry>> facts) {

		/** Without facts: the model never writes an answer, stored answers are used. */
		public Sources(Supplier<CatalogDefinition> catalog, Understanding offline, Function<Long, List<String>> recentLines,
				Supplier<List<String>> faqKeys, Function<String, java.util.Optional<String>> faqAnswerByKey) {
			this(catalog, offline, recentLines, faqKeys, faqAnswerByKey, text -> List.of());
		}

	}

	/** Longest written answer sent; the stored answers are under 450 characters. */
	static final int ANSWER_MAX_CHARS = 600;

	/** The fallback reason of a turn whose written answer the guard refused. */
	static final String GUARD = "guard";

	private final LlmSettings settings;

	private final OpenRouterClient client;

	private final CircuitBreaker breaker;

	/** How late other replicas' LLM spending may reach the budget check (see {@link CachedSpend}). */
	private static final java.time.Duration SPEND_MAX_AGE = java.time.Duration.ofSeconds(10);

	private final CallLedger ledger;

	private final Sources sources;

	private final UnderstandingTools tools = new UnderstandingTools();

	private final UnderstandingPrompt prompt;

	private final Supplier<LlmChoice> choice;

	/** Told each time the offline engine answers instead of the LLM (counted as a metric). */
	private final Runnable onFallback;

	private final AnswerGuard guard;

	/** The month the budget warning was last logged for: staff get one WARN per month, not one per turn. */
	private final AtomicReference<YearMonth> budgetWarned = new AtomicReference<>();

	public LlmUnderstanding(LlmSettings settings, CallLedger ledger, Sources sources) {
		this(settings, ledger, sources, settings::defaults, () -> {
		});
	}

	/**
	 * @param choice model, backups and budget as admins last saved them, read at every turn
	 * @param onFallback told each time the offline engine answers instead of the LLM
	 */
	public LlmUnderstanding(LlmSettings settings, CallLedger ledger, Sources sources, Supplier<LlmChoice> choice,
			Runnable onFallback) {
		this.onFallback = onFallback;
		this.settings = settings;
		this.choice = choice;
		this.client = new OpenRouterClient(settings);
		this.breaker = new CircuitBreaker(settings.breakerFailures(), settings.breakerCooldown(), java.time.Clock.systemUTC());
		this.ledger = new CachedSpend(ledger, SPEND_MAX_AGE, java.time.Clock.systemUTC());
		this.sources = sources;
		this.prompt = new UnderstandingPrompt(settings.maxPromptTokens());
		List<String> fixedTexts = new ArrayList<>(tools.descriptions());
		fixedTexts.add(prompt.template());
		this.guard = new AnswerGuard(fixedTexts, ANSWER_MAX_CHARS);
	}

	@Override
	public List<AgentCommand> understand(UnderstandingContext context, String text) {
		LlmChoice current = choice.get();
		if (!breaker.allows()) {
			skipped(context, current, "breaker_open");
			onFallback.run();
			return sources.offline().understand(context, text);
		}
		BigDecimal spentEur = settings.toEur(ledger.spentThisMonth());
		if (spentEur.compareTo(current.monthlyBudgetEur()) >= 0) {
			YearMonth month = YearMonth.now(ZoneOffset.UTC);
			if (!month.equals(budgetWarned.getAndSet(month))) {
				log.warn("LLM monthly budget of {} EUR reached ({} EUR spent): the offline engine answers until next month"
						+ " or until an admin raises the budget in Ajustes", current.monthlyBudgetEur(),
						spentEur.setScale(2, RoundingMode.HALF_UP));
			}
			skipped(context, current, "budget");
			onFallback.run();
			return sources.offline().understand(context, text);
		}
		List<FaqEntry> facts = sources.facts().apply(text);
		List<ToolSpecification> offered = tools.forContext(context, sources.faqKeys().get(), !facts.isEmpty());
		CatalogDefinition catalog = sources.catalog().get();
		UnderstandingPrompt.Built built = prompt.build(context, catalog, window(context, text), text, offered,
				facts.stream().map(f -> f.key() + ": " + f.answer()).toList());
		ChatRequest request = ChatRequest.builder()
			.messages(SystemMessage.from(built.system()), UserMessage.from(built.user()))
			.toolSpecifications(offered)
			.build();
		LlmReply reply = null;
		try {
			reply = client.call(request, current);
			Set<String> names = offered.stream().map(ToolSpecification::name).collect(Collectors.toSet());
			AtomicReference<String> refused = new AtomicReference<>();
			// The grounding (every element name and keyword of the category) is built only for a written answer.
			Function<String, Optional<String>> vetted = written -> {
				AnswerGuard.Verdict verdict = built.facts().isEmpty() ? new AnswerGuard.Verdict("no_facts")
						: guard.check(written, grounding(context, catalog, built.facts(), names));
				if (!verdict.passed()) {
					refused.set(verdict.rejection());
					return Optional.empty();
				}
				return Optional.of(written.strip());
			};
			List<AgentCommand> commands = new ToolCallMapper(sources.offline(), sources.faqAnswerByKey(), vetted)
				.map(reply.toolCalls(), names, context, text);
			if (refused.get() != null) {
				// Logged without the text: it may hold whatever the customer tried to make the model say.
				log.info("LLM answer refused by the guard ({}), the stored answer is sent instead", refused.get());
			}
			account(context, reply, "used", refused.get() == null ? null : GUARD);
			breaker.success();
			return commands;
		}
		catch (RuntimeException ex) {
			Reason reason = OpenRouterClient.classify(ex);
			log.warn("LLM understanding failed ({}), offline engine answers: {}", reason, LogMasks.text(ex.getMessage()));
			String fallback = reason.name().toLowerCase(Locale.ROOT);
			if (reply != null) {
				account(context, reply, "unusable", fallback);
			}
			else {
				int attempts = ex instanceof LlmCallFailed failed ? failed.attempts() : 1;
				ledger.record(new CallLedger.Call(context.conversationId(), current.model(), 0, 0, BigDecimal.ZERO, 0,
						"failed", attempts, fallback));
			}
			breaker.failure(reason == Reason.NO_CREDIT);
			onFallback.run();
			return sources.offline().understand(context, text);
		}
	}

	/**
	 * What a written answer may draw on: the facts block, the catalogue's element names and keywords for
	 * the customer's category (all categories when unknown), and the identifiers it must never show.
	 */
	private static AnswerGuard.Grounding grounding(UnderstandingContext context, CatalogDefinition catalog, String facts,
			Set<String> toolNames) {
		List<CategoryDefinition> categories = context.categorySlug() == null ? catalog.categories()
				: catalog.category(context.categorySlug()).map(List::of).orElse(catalog.categories());
		List<String> terms = new ArrayList<>();
		List<String> codes = new ArrayList<>(toolNames);
		for (CategoryDefinition category : catalog.categories()) {
			codes.add(category.slug());
		}
		for (CategoryDefinition category : categories) {
			for (ElementDefinition element : category.elements()) {
				terms.add(element.nameEs().replaceAll("\\(.*\\)", ""));
				// Two-letter brand keywords ("wp", "kn") are too often parts of ordinary words or initials.
				element.keywords().stream().filter(k -> k.length() >= 3).forEach(terms::add);
				codes.add(element.code());
				element.variants().forEach(v -> codes.add(v.code()));
			}
		}
		return new AnswerGuard.Grounding(facts, terms, codes);
	}

	/** A turn the LLM was not asked about; recorded so the panel can count fallbacks by reason. */
	private void skipped(UnderstandingContext context, LlmChoice current, String reason) {
		ledger.record(new CallLedger.Call(context.conversationId(), current.model(), 0, 0, BigDecimal.ZERO, 0, "skipped",
				0, reason));
	}

	private List<String> window(UnderstandingContext context, String text) {
		if (context.conversationId() == 0) {
			return List.of();
		}
		List<String> lines = new java.util.ArrayList<>(sources.recentLines().apply(context.conversationId()));
		// The transcript already holds the message being understood; it goes in the user message instead.
		if (!lines.isEmpty() && lines.get(lines.size() - 1).endsWith(text.replace('\n', ' ').strip())) {
			lines.remove(lines.size() - 1);
		}
		return lines;
	}

	private void account(UnderstandingContext context, LlmReply reply, String outcome, @Nullable String fallback) {
		ledger.record(new CallLedger.Call(context.conversationId(), reply.model(), reply.promptTokens(),
				reply.completionTokens(), reply.cost(), reply.latencyMs(), outcome, reply.attempts(), fallback));
	}

}
