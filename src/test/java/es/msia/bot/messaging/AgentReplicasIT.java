package es.msia.bot.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import es.msia.bot.MsiaApplication;
import es.msia.bot.chatwoot.ChatwootOutbox;
import es.msia.bot.messaging.redis.StreamConsumer;
import es.msia.bot.support.ChatwootPayloads;
import es.msia.bot.support.FakeChatwoot;
import es.msia.bot.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two agent instances on one stream: a second application context (its own consumer, threads and
 * connection pools) joins the consumer group. Every message is answered once, both agents work, and the
 * per-conversation lock keeps turns of one conversation from interleaving: a conversation fed three
 * messages at once ends with all three elements in its quote, which concurrent turns (each starting from
 * the same checkpoint) would lose.
 */
@TestPropertySource(properties = "msia.messaging.burst-window=0")
class AgentReplicasIT extends IntegrationTest {

	@Autowired
	MessagingSettings settings;

	@Autowired
	StreamConsumer firstAgent;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ChatwootOutbox outbox;

	ConfigurableApplicationContext secondAgent;

	@BeforeEach
	void startSecondAgent() {
		// Command-line arguments: they win over application.yaml, as the environment does for a real agent.
		secondAgent = new SpringApplicationBuilder(MsiaApplication.class).profiles("test")
			.run("--msia.roles=agent", "--msia.agent.port=0", "--msia.messaging.stream=" + settings.stream(),
					"--msia.messaging.burst-window=0", "--msia.chatwoot.api-url=" + chatwoot.url(),
					"--msia.chatwoot.api-token=" + FakeChatwoot.TOKEN, "--msia.chatwoot.user-token=" + FakeChatwoot.USER_TOKEN,
					"--msia.chatwoot.account-id=" + FakeChatwoot.ACCOUNT);
	}

	@AfterEach
	void stopSecondAgent() {
		secondAgent.close();
	}

	/** Every message handled and every reply delivered. */
	private boolean settled(long conversation) {
		boolean handled = jdbc.sql("""
				SELECT count(*) = 3 FROM messages
				WHERE conversation_id = :c AND direction = 'inbound' AND processed_at IS NOT NULL""")
			.param("c", conversation)
			.query(Boolean.class)
			.single();
		return handled && !outbox.entries(conversation).isEmpty()
				&& outbox.entries(conversation).stream().allMatch(e -> e.status().equals("sent"));
	}

	@Test
	void shareTheWorkAndNeverInterleaveTurnsOfOneConversation() {
		StreamConsumer other = secondAgent.getBean(StreamConsumer.class);
		assertThat(other.consumerName()).isNotEqualTo(firstAgent.consumerName());
		List<Long> conversations = new ArrayList<>();
		for (int c = 0; c < 8; c++) {
			long conversation = nextId();
			conversations.add(conversation);
			for (String text : List.of("escape", "y también el manillar", "y los espejos")) {
				postWebhook("?token=" + WEBHOOK_TOKEN,
						ChatwootPayloads.incomingText(nextId(), conversation, "+3461" + String.format("%07d", conversation % 10_000_000),
								text).toString());
			}
		}

		// Generous: this machine's two cores are shared with other builds; the assertion is about outcomes.
		await().atMost(Duration.ofSeconds(180)).until(() -> conversations.stream().allMatch(this::settled));
		for (long conversation : conversations) {
			assertThat(jdbc.sql("SELECT tier_code FROM conversation_quotes WHERE conversation_id = :c AND status = 'offered'")
				.param("c", conversation)
				.query(String.class)
				.single()).as("conversation %d ends with three elements", conversation).isEqualTo("T4");
			// A reply made stale by a newer message is not sent: between one and three replies, the last
			// one with the complete quote.
			List<FakeChatwoot.StoredMessage> replies = chatwoot.messages(conversation);
			assertThat(replies).hasSizeBetween(1, 3);
			assertThat(replies.get(replies.size() - 1).content()).contains("220,00 € + IVA");
		}
		assertThat(firstAgent.turnsHandled()).isPositive();
		assertThat(other.turnsHandled()).isPositive();
	}

}
