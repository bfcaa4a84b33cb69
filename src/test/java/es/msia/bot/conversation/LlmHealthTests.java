package es.msia.bot.conversation;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import es.msia.bot.conversation.llm.LlmSettings;
import es.msia.bot.shared.Reachability.State;
import es.msia.bot.support.FakeOpenRouter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LlmHealthTests {

	@Test
	void isUpWhenOpenRouterKnowsTheKey() {
		try (FakeOpenRouter openRouter = new FakeOpenRouter()) {
			assertThat(new LlmHealth(settings(FakeOpenRouter.KEY, openRouter.baseUrl())).check().state()).isEqualTo(State.UP);
			assertThat(openRouter.requests().get(0).getUrl().encodedPath()).isEqualTo("/api/v1/key");
		}
	}

	@Test
	void aWrongKeyIsRefused() {
		try (FakeOpenRouter openRouter = new FakeOpenRouter()) {
			var result = new LlmHealth(settings("sk-or-v1-wrong", openRouter.baseUrl())).check();

			assertThat(result.state()).isEqualTo(State.REFUSED);
			assertThat(result.detail()).isEqualTo("HTTP 401");
		}
	}

	@Test
	void isNotConfiguredWithoutAKey() {
		assertThat(new LlmHealth(settings("", "http://localhost:1/api/v1")).check().state()).isEqualTo(State.NOT_CONFIGURED);
	}

	private static LlmSettings settings(String key, String baseUrl) {
		return new LlmSettings(key, baseUrl, "openai/gpt-4o-mini", List.of(), Duration.ofSeconds(5), 0,
				Duration.ofMillis(100), 3, Duration.ofSeconds(60), BigDecimal.TEN, "https://example.org", "MSI-a", 2500, 6,
				new BigDecimal("0.92"), Duration.ofSeconds(10));
	}

}
