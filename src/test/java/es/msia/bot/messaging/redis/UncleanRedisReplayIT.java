package es.msia.bot.messaging.redis;

import java.time.Duration;

import es.msia.bot.messaging.InboundMessages;
import es.msia.bot.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a power cut can leave when Redis fsyncs once a second: a message committed in PostgreSQL and
 * marked streamed whose stream entry was in the lost last second. The replay after an unclean Redis stop
 * gets it answered, once.
 */
@TestPropertySource(properties = "msia.messaging.burst-window=0")
class UncleanRedisReplayIT extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InboundMessages inbound;

	@Test
	void aMessageMarkedStreamedWhoseEntryWasLostIsAnsweredOnce() {
		long conversationId = nextId();
		long messageId = nextId();
		String payload = storedPayloadOfAGreeting(jdbc, conversationId, "+34655000222", messageId, "¿Seguís ahí?");
		// Committed and marked with a stream id, but the entry itself never reached the disk.
		jdbc.sql("""
				INSERT INTO messages (conversation_id, chatwoot_message_id, direction, sender_kind, content, payload,
				                      stream_id, created_at)
				VALUES (:c, :m, 'inbound', 'customer', '¿Seguís ahí?', CAST(:payload AS jsonb), '1-1',
				        now() - interval '1 minute')""")
			.param("c", conversationId)
			.param("m", messageId)
			.param("payload", payload)
			.update();
		assertThat(inbound.appendUnstreamed()).as("the sweeper does not see it").isZero();
		assertThat(inbound.isProcessed(messageId)).isFalse();

		new UncleanRedisReplay(inbound).replay();

		await().atMost(Duration.ofSeconds(10)).until(() -> inbound.isProcessed(messageId));
		await().atMost(Duration.ofSeconds(10)).until(() -> chatwoot.messages(conversationId).size() == 2);
		new UncleanRedisReplay(inbound).replay();
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
			.until(() -> chatwoot.messages(conversationId).size() == 2);
	}

}
