package es.msia.bot.conversation;

import java.time.Duration;

import es.msia.bot.messaging.redis.StreamConsumer;
import es.msia.bot.support.ChatwootPayloads;
import es.msia.bot.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Without the burst window, a customer message that arrives while the previous one is being answered
 * makes that answer stale: it is not sent, and the next turn answers both, once.
 */
@TestPropertySource(properties = "msia.messaging.burst-window=0")
class StaleReplyIT extends IntegrationTest {

	@Autowired
	StreamConsumer agent;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNewerMessageMakesThePendingReplyStale() {
		long conversation = nextId();
		agent.stop();
		try {
			for (String text : new String[] { "escape", "y también el manillar" }) {
				postWebhook("?token=" + WEBHOOK_TOKEN,
						ChatwootPayloads.incomingText(nextId(), conversation, "+34655000111", text).toString());
			}
		}
		finally {
			agent.start();
		}

		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("SELECT count(*) = 2 FROM messages WHERE conversation_id = :c AND direction = 'inbound' AND processed_at IS NOT NULL")
				.param("c", conversation)
				.query(Boolean.class)
				.single());
		await().atMost(Duration.ofSeconds(10)).until(() -> !chatwoot.messages(conversation).isEmpty());
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> chatwoot.messages(conversation).size() == 1);
		assertThat(chatwoot.messages(conversation).get(0).content()).contains("175,00 € + IVA");
	}

}
