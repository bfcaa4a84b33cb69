package es.msia.bot.conversation.llm;

import es.msia.bot.shared.LogMasks;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import es.msia.bot.catalog.CatalogDefinition;
import es.msia.bot.conversation.command.AgentCommand;
import es.msia.bot.conversation.llm.LlmCallFailed.Reason;
import es.msia.bot.conversation.understanding.Understanding;
import es.msia.bot.conversation.understanding.UnderstandingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Understanding through an LLM: one OpenRouter call per turn whose tool calls become commands. Any
 * failure (outage, 402, unusable output, open breaker, budget spent) hands the turn to the offline
 * engine, so the customer always gets an answer. The model only understands; it never writes a reply.
 */
public class LlmUnderstanding implements Understanding {

	private static final Logger log = LoggerFactory.getLogger(LlmUnderstanding.class);

	/** What the LLM path needs from the rest of the engine, resolved per turn. */
	public record Sources(Supplier<CatalogDefinition> catalog, Understanding offline,
			Function<Long, List<String>> recentLines, Supplier<List<String>> faqKeys,
			Function<String, java.util.Optional<String>> faqAnswerByKey) {
	}

	private final LlmSettings settings;

	private final OpenRouterClient client;

	private final CircuitBreaker breaker;

	private final CallLedger ledger;

	private final Sources sources;

	private final UnderstandingTools tools = new UnderstandingTools();

	private final UnderstandingPrompt prompt;

	/** Told each time the offline engine answers instead of the LLM (counted as a metric). */
	private final Runnable onFallback;

	public LlmUnderstanding(LlmSettings settings, CallLedger ledger, Sources sources) {
		this(settings, ledger, sources, () -> {
		});
	}

	public LlmUnderstanding(LlmSettings settings, CallLedger ledger, Sources sources, Runnable onFallback) {
		this.onFallback = onFallback;
		this.settings = settings;
		this.client = new OpenRouterClient(settings);
		this.breaker = new CircuitBreaker(settings.breakerFailures(), settings.breakerCooldown(), java.time.Clock.systemUTC());
		this.ledger = ledger;
		this.sources = sources;
		this.prompt = new UnderstandingPrompt(settings.maxPromptTokens());
	}

	@Override
	public List<AgentCommand> understand(UnderstandingContext context, String text) {
		if (!breaker.allows()) {
			onFallback.run();
			return sources.offline().understand(context, text);
		}
		if (ledger.spentThisMonth().compareTo(settings.monthlyBudgetEur()) >= 0) {
			log.warn("LLM monthly budget of {} EUR reached: the offline engine answers until next month",
					settings.monthlyBudgetEur());
			onFallback.run();
			return sources.offline().understand(context, text);
		}
		List<ToolSpecification> offered = tools.forContext(context, sources.faqKeys().get());
		UnderstandingPrompt.Built built = prompt.build(context, sources.catalog().get(), window(context, text), text, offered);
		ChatRequest request = ChatRequest.builder()
			.messages(SystemMessage.from(built.system()), UserMessage.from(built.user()))
			.toolSpecifications(offered)
			.build();
		LlmReply reply = null;
		try {
			reply = client.call(request);
			Set<String> names = offered.stream().map(ToolSpecification::name).collect(Collectors.toSet());
			List<AgentCommand> commands = new ToolCallMapper(sources.offline(), sources.faqAnswerByKey())
				.map(reply.toolCalls(), names, context, text);
			account(context, reply, "used");
			breaker.success();
			return commands;
		}
		catch (RuntimeException ex) {
			Reason reason = OpenRouterClient.classify(ex);
			log.warn("LLM understanding failed ({}), offline engine answers: {}", reason, LogMasks.text(ex.getMessage()));
			if (reply != null) {
				account(context, reply, "unusable");
			}
			else {
				ledger.record(new CallLedger.Call(context.conversationId(), settings.model(), 0, 0,
						java.math.BigDecimal.ZERO, 0, "failed"));
			}
			breaker.failure(reason == Reason.NO_CREDIT);
			onFallback.run();
			return sources.offline().understand(context, text);
		}
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

	private void account(UnderstandingContext context, LlmReply reply, String outcome) {
		ledger.record(new CallLedger.Call(context.conversationId(), reply.model(), reply.promptTokens(),
				reply.completionTokens(), reply.cost(), reply.latencyMs(), outcome));
	}

}
