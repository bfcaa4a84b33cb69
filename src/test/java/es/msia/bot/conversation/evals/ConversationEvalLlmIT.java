package es.msia.bot.conversation.evals;

import java.util.List;

import es.msia.bot.conversation.CatalogEngines;
import es.msia.bot.conversation.llm.LlmSettings;
import es.msia.bot.conversation.llm.LlmUnderstanding;
import es.msia.bot.conversation.llm.RecordingLedger;
import es.msia.bot.conversation.understanding.FaqAnswering;
import es.msia.bot.conversation.understanding.Understanding;
import es.msia.bot.knowledge.Faq;
import es.msia.bot.knowledge.FaqEntry;
import es.msia.bot.support.IntegrationTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The eval suite against the real model ({@code ./mvnw verify -Pllm-it} with {@code OPENROUTER_API_KEY}):
 * prints pass rate, calls, tokens, cost and latency per turn. A live model is not deterministic, so the
 * bar is 90 % of conversations, within the call and token budget; the failures are printed for review.
 */
class ConversationEvalLlmIT extends IntegrationTest {

	@Autowired
	LlmSettings settings;

	@Autowired
	CatalogEngines engines;

	@Autowired
	Faq faq;

	@Test
	void realModelPassesTheEvalSuiteWithinBudget() {
		Assumptions.assumeTrue(settings.enabled(), "OPENROUTER_API_KEY is not set");
		RecordingLedger ledger = new RecordingLedger();
		Understanding offline = (ctx, text) -> engines.current().understanding().understand(ctx, text);
		Understanding llm = new FaqAnswering(new LlmUnderstanding(settings, ledger, new LlmUnderstanding.Sources(
				() -> engines.current().catalog(), offline, id -> List.of(),
				() -> faq.entries().stream().map(FaqEntry::key).toList(), key -> faq.byKey(key).map(FaqEntry::answer),
				text -> faq.relevant(text, 2))),
				question -> faq.answer(question).map(FaqEntry::answer));

		var report = ConversationEvals.run("llm " + settings.model(), ConversationEvals.load(), engines.current().catalog(),
				llm, ledger::calls);

		System.out.println(report.table());
		report.failures().forEach(System.out::println);
		assertThat(report.passRate()).isGreaterThanOrEqualTo(90.0);
		assertThat(report.callsPerTurn()).isLessThanOrEqualTo(1.5);
		assertThat(report.maxPromptTokens()).isLessThanOrEqualTo(2500);
	}

}
