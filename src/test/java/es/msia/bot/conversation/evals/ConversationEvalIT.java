package es.msia.bot.conversation.evals;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import es.msia.bot.conversation.CatalogEngines;
import es.msia.bot.conversation.llm.LlmSettings;
import es.msia.bot.conversation.llm.LlmUnderstanding;
import es.msia.bot.conversation.llm.RecordingLedger;
import es.msia.bot.conversation.understanding.FaqAnswering;
import es.msia.bot.conversation.understanding.Understanding;
import es.msia.bot.knowledge.Faq;
import es.msia.bot.knowledge.FaqEntry;
import es.msia.bot.support.FakeOpenRouter;
import es.msia.bot.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conversation eval suite ({@code evals/conversations.jsonl}) on the application's understanding
 * (offline, with the knowledge base from PostgreSQL) — must pass 100 % — and on the LLM path against the
 * fake OpenRouter, whose recorded requests must meet the call and token targets.
 */
class ConversationEvalIT extends IntegrationTest {

	@Autowired
	Understanding understanding;

	@Autowired
	CatalogEngines engines;

	@Autowired
	Faq faq;

	@Test
	void offlineEnginePassesEveryConversation() {
		var report = ConversationEvals.run("offline", ConversationEvals.load(), engines.current().catalog(), understanding,
				List::of);

		System.out.println(report.table());
		assertThat(report.conversations()).isGreaterThanOrEqualTo(40);
		assertThat(report.failures()).isEmpty();
	}

	@Test
	void llmPathMeetsTheCallAndTokenTargetsAgainstTheFakeServer() {
		try (FakeOpenRouter server = new FakeOpenRouter()) {
			Understanding offline = (ctx, text) -> engines.current().understanding().understand(ctx, text);
			OracleModel oracle = new OracleModel(offline);
			server.brain(oracle);
			RecordingLedger ledger = new RecordingLedger();
			LlmSettings settings = new LlmSettings(FakeOpenRouter.KEY, server.baseUrl(), "openai/gpt-4o-mini", List.of(),
					Duration.ofSeconds(5), 2, Duration.ofMillis(5), 3, Duration.ofMinutes(1), new BigDecimal("20"),
					"https://example.test", "MSI-a evals", 2500, 6, new BigDecimal("0.92"), Duration.ofSeconds(10));
			Understanding llm = new FaqAnswering(new LlmUnderstanding(settings, ledger, new LlmUnderstanding.Sources(
					() -> engines.current().catalog(), offline, id -> List.of(),
					() -> faq.entries().stream().map(FaqEntry::key).toList(), key -> faq.byKey(key).map(FaqEntry::answer),
					text -> faq.relevant(text, 2))),
					question -> faq.answer(question).map(FaqEntry::answer));

			var report = ConversationEvals.run("llm (fake OpenRouter)", ConversationEvals.load(), engines.current().catalog(),
					oracle.observing(llm), ledger::calls);

			System.out.println(report.table());
			System.out.println("requests recorded by the fake OpenRouter: " + server.requestCount() + " for " + report.turns()
					+ " customer turns");
			assertThat(report.failures()).isEmpty();
			// The ledger's attempts are the HTTP requests the fake actually received.
			assertThat(server.requestCount()).isEqualTo(report.calls());
			assertThat(report.callsPerTurn()).isLessThanOrEqualTo(1.5);
			assertThat(report.maxPromptTokens()).isLessThanOrEqualTo(2500);
			assertThat(ledger.calls()).allSatisfy(call -> assertThat(call.outcome()).isEqualTo("used"));
			long refused = ledger.calls().stream().filter(call -> "guard".equals(call.fallbackReason())).count();
			System.out.println("answers written by the model: " + oracle.answersWritten() + ", delivered: "
					+ (oracle.answersWritten() - refused) + ", refused by the guard (stored answer sent): " + refused);
			// Every question the facts cover is answered by the model; only the one with an invented phone is refused.
			assertThat(oracle.answersWritten()).isGreaterThanOrEqualTo(9);
			assertThat(refused).isEqualTo(1);
			assertThat(server.bodies()).allSatisfy(body -> assertThat(body.path("messages")).hasSize(2));
			// The fake reports characters / 4 as usage; the budget is checked on the real encoding as well.
			var o200k = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
			int maxCounted = server.bodies().stream()
				.mapToInt(b -> o200k.countTokensOrdinary(b.path("messages").toString() + b.path("tools").toString()))
				.max().orElse(0);
			System.out.println("max prompt tokens per call (o200k, messages + tools): " + maxCounted);
			assertThat(maxCounted).isLessThanOrEqualTo(2500);
		}
	}

}
