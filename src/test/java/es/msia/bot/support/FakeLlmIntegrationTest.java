package es.msia.bot.support;

import java.util.List;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application with the LLM understanding on a {@link FakeOpenRouter}, no burst window and a
 * short per-conversation lock lease (2 s), so a slow fake model outlasts the lease. Subclasses share one
 * Spring context.
 */
@TestPropertySource(properties = { "msia.messaging.lock-lease=2s", "msia.messaging.burst-window=0" })
public abstract class FakeLlmIntegrationTest extends IntegrationTest {

	protected static final FakeOpenRouter openRouter = new FakeOpenRouter();

	@DynamicPropertySource
	static void llmProperties(DynamicPropertyRegistry registry) {
		registry.add("msia.llm.api-key", () -> FakeOpenRouter.KEY);
		registry.add("msia.llm.base-url", openRouter::baseUrl);
		registry.add("msia.llm.retry-backoff", () -> "5ms");
		registry.add("msia.llm.breaker-cooldown", () -> "1ms");
	}

	/** A Spanish mobile number derived from the conversation, unique per test. */
	protected static String phoneOf(long conversation) {
		return "+3461" + String.format("%07d", conversation % 10_000_000);
	}

	/** Replies the customer saw (private notes left out). */
	protected static List<String> customerFacing(long conversation) {
		return chatwoot.messages(conversation).stream().filter(m -> !m.privateNote()).map(FakeChatwoot.StoredMessage::content).toList();
	}

}
