package es.msia.bot.conversation.llm;

import java.math.BigDecimal;

import es.msia.bot.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Cost accounting in PostgreSQL: per-call rows, the month's spend, daily and per-conversation totals. */
class LlmCallsIT extends IntegrationTest {

	@Autowired
	LlmCalls calls;

	@Test
	void accountsCallsPerConversationAndMonth() {
		long conversation = nextId();
		BigDecimal before = calls.spentThisMonth();
		calls.record(new CallLedger.Call(conversation, "openai/gpt-4o-mini", 412, 23, new BigDecimal("0.0000756"), 300, "used"));
		calls.record(new CallLedger.Call(conversation, "anthropic/claude-3.5-haiku", 500, 30, new BigDecimal("0.0001"), 400, "unusable"));

		assertThat(calls.spentThisMonth().subtract(before)).isEqualByComparingTo("0.0001756");
		assertThat(calls.conversation(conversation)).singleElement().satisfies(t -> {
			assertThat(t.calls()).isEqualTo(2);
			assertThat(t.promptTokens()).isEqualTo(912);
			assertThat(t.completionTokens()).isEqualTo(53);
		});
		assertThat(calls.daily(1)).isNotEmpty().first().satisfies(t -> assertThat(t.calls()).isGreaterThanOrEqualTo(2));
	}

}
