package es.msia.bot.messaging;

import java.time.Duration;
import java.util.List;

import es.msia.bot.support.ChatwootPayloads;
import es.msia.bot.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The webhook's intake in one statement: customer, conversation and message recorded, the entry appended,
 * its stream id written back in a batch; and a message whose XADD never happened (the process died right
 * after the commit) appended by the sweep and answered once.
 */
@TestPropertySource(properties = "msia.messaging.burst-window=0")
class IntakeIT extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	MessagingSettings settings;

	@Autowired
	InboundMessages inbound;

	@Test
	void recordsEverythingAndMarksTheStreamId() {
		long messageId = nextId();
		long conversationId = nextId();
		ObjectNode event = ChatwootPayloads.incomingText(messageId, conversationId, "+34 655 12 34 56", "Hola");
		((ObjectNode) event.get("conversation")).putObject("custom_attributes").put("tipo", "Profesional");

		assertThat(postWebhook("?token=" + WEBHOOK_TOKEN, event.toString()).body()).contains("accepted");
		assertThat(postWebhook("?token=" + WEBHOOK_TOKEN, event.toString()).body()).contains("duplicate");

		await().atMost(Duration.ofSeconds(10)).until(() -> streamId(messageId) != null);
		String streamId = streamId(messageId);
		var entries = redis.opsForStream().range(settings.stream(), Range.closed(streamId, streamId));
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0).getValue()).containsEntry("conversation", Long.toString(conversationId));
		assertThat(jdbc.sql("""
				SELECT c.client_type FROM customers c JOIN conversations v ON v.customer_id = c.id WHERE v.id = :id""")
			.param("id", conversationId)
			.query(String.class)
			.single()).isEqualTo("profesional");
		assertThat(jdbc.sql("SELECT last_customer_message_at IS NOT NULL FROM conversations WHERE id = :id")
			.param("id", conversationId)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(jdbc.sql("SELECT count(*) FROM messages WHERE conversation_id = :id")
			.param("id", conversationId)
			.query(Integer.class)
			.single()).isGreaterThanOrEqualTo(1);
		await().atMost(Duration.ofSeconds(10)).until(() -> chatwoot.messages(conversationId).size() == 1);
	}

	@Test
	void aMessageThatNeverReachedTheStreamIsAppendedByTheSweepAndAnsweredOnce() {
		long messageId = nextId();
		long conversationId = nextId();
		// As a crash between the commit and the XADD leaves it: recorded, no stream id, half a minute old.
		String payload = storedPayloadOfAGreeting(jdbc, conversationId, "+34655000111", messageId, "¿Seguís ahí?");
		jdbc.sql("""
				INSERT INTO messages (conversation_id, chatwoot_message_id, direction, sender_kind, content, payload, created_at)
				VALUES (:c, :m, 'inbound', 'customer', '¿Seguís ahí?', CAST(:payload AS jsonb), now() - interval '1 minute')""")
			.param("c", conversationId)
			.param("m", messageId)
			.param("payload", payload)
			.update();

		assertThat(inbound.appendUnstreamed()).isGreaterThanOrEqualTo(1);

		assertThat(streamId(messageId)).isNotNull();
		await().atMost(Duration.ofSeconds(10)).until(() -> chatwoot.messages(conversationId).size() == 2);
		await().atMost(Duration.ofSeconds(10)).until(() -> inbound.isProcessed(messageId));
		// Appended again (as after a lost mark): the agent sees it processed and stays silent.
		jdbc.sql("UPDATE messages SET stream_id = NULL, created_at = now() - interval '1 minute' WHERE chatwoot_message_id = :m")
			.param("m", messageId)
			.update();
		assertThat(inbound.appendUnstreamed()).isGreaterThanOrEqualTo(1);
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
			.until(() -> chatwoot.messages(conversationId).size() == 2);
	}

	private String streamId(long messageId) {
		List<String> ids = jdbc.sql("SELECT stream_id FROM messages WHERE chatwoot_message_id = :m")
			.param("m", messageId)
			.query(String.class)
			.list();
		return ids.isEmpty() ? null : ids.get(0);
	}

}
