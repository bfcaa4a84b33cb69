package es.msia.bot.conversation.llm;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import es.msia.bot.catalog.CatalogDefinition;
import es.msia.bot.catalog.Catalogs;
import es.msia.bot.catalog.ElementMatcher;
import es.msia.bot.conversation.understanding.OfflineUnderstanding;
import es.msia.bot.support.FakeOpenRouter;

/** Builds the LLM understanding against a {@link FakeOpenRouter}, as the application wires it. */
public final class LlmFixtures {

	public static final CatalogDefinition CATALOG = Catalogs.current();

	public static final OfflineUnderstanding OFFLINE = new OfflineUnderstanding(new ElementMatcher(CATALOG));

	private LlmFixtures() {
	}

	public static LlmSettings settings(FakeOpenRouter server, List<String> fallbackModels, Duration timeout,
			int maxRetries, BigDecimal budget) {
		return new LlmSettings(FakeOpenRouter.KEY, server.baseUrl(), "openai/gpt-4o-mini", fallbackModels, timeout,
				maxRetries, Duration.ofMillis(5), 3, Duration.ofMinutes(1), budget, "https://example.test", "MSI-a tests",
				 2500, 6, new BigDecimal("0.92"), Duration.ofSeconds(10));
	}

	public static LlmSettings settings(FakeOpenRouter server) {
		return settings(server, List.of(), Duration.ofSeconds(5), 2, new BigDecimal("20"));
	}

	public static LlmUnderstanding understanding(LlmSettings settings, CallLedger ledger,
			Function<Long, List<String>> recentLines, Function<String, Optional<String>> faqAnswerByKey,
			List<String> faqKeys) {
		return new LlmUnderstanding(settings, ledger, new LlmUnderstanding.Sources(() -> CATALOG, OFFLINE, recentLines,
				() -> faqKeys, faqAnswerByKey));
	}

	/** With knowledge-base entries: {@code facts} says which of them are relevant to a message. */
	public static LlmUnderstanding understanding(LlmSettings settings, CallLedger ledger,
			List<es.msia.bot.knowledge.FaqEntry> entries) {
		return new LlmUnderstanding(settings, ledger, new LlmUnderstanding.Sources(() -> CATALOG, OFFLINE, id -> List.of(),
				() -> entries.stream().map(es.msia.bot.knowledge.FaqEntry::key).toList(),
				key -> entries.stream().filter(e -> e.key().equals(key)).map(es.msia.bot.knowledge.FaqEntry::answer).findFirst(),
				text -> es.msia.bot.knowledge.Faq.ranked(entries, text, 2)));
	}

	public static LlmUnderstanding understanding(LlmSettings settings, CallLedger ledger) {
		return understanding(settings, ledger, id -> List.of(), key -> Optional.empty(), List.of("plazo", "itv"));
	}

}
