package es.msia.bot.chatwoot;

import java.time.Duration;

import es.msia.bot.support.ChatwootPayloads;
import es.msia.bot.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Chatwoot stores a reply but its answer never reaches us (here: it answers after our read timeout). The
 * outbox retries, finds the message in the conversation and marks the reply sent instead of sending it
 * again: the customer gets it once.
 */
@TestPropertySource(properties = "msia.chatwoot.read-timeout=1s")
class LostAnswerIT extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aReplyChatwootStoredButNeverConfirmedIsNotSentAgain() {
		long conversationId = customerWritesAndChatwootStallsOnTheReply("+34633333334");

		await().atMost(Duration.ofSeconds(20)).until(() -> outbox(conversationId).startsWith("sent:"));
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
			.until(() -> chatwoot.messages(conversationId).size() == 1);
		long stored = chatwoot.messages(conversationId).get(0).id();
		assertThat(outbox(conversationId)).isEqualTo("sent:2:" + stored);
		assertThat(chatwoot.requests()).filteredOn(r -> r.getMethod().equals("GET")
				&& r.getUrl().encodedPath().endsWith("/conversations/" + conversationId + "/messages")).isNotEmpty();
	}

	@Test
	void whileChatwootCannotSayWhetherItHasTheReplyTheReplyWaits() {
		long conversationId = customerWritesAndChatwootStallsOnTheReply("+34633333335");
		await().atMost(Duration.ofSeconds(20)).until(() -> chatwoot.messages(conversationId).size() == 1);
		// The look into the conversation after the timeout gets a 503: sending then could duplicate the reply.
		chatwoot.failNext(1, 503, null);

		await().atMost(Duration.ofSeconds(20)).until(() -> outbox(conversationId).startsWith("sent:"));
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
			.until(() -> chatwoot.messages(conversationId).size() == 1);
		assertThat(outbox(conversationId)).isEqualTo("sent:3:" + chatwoot.messages(conversationId).get(0).id());
	}

	/** Chatwoot will store the reply and answer only after our 1 s read timeout. */
	private long customerWritesAndChatwootStallsOnTheReply(String phone) {
		long conversationId = nextId();
		chatwoot.acceptThenStall(1, 3);
		postWebhook("?token=" + WEBHOOK_TOKEN,
				ChatwootPayloads.incomingText(nextId(), conversationId, phone, "Hola").toString());
		return conversationId;
	}

	private String outbox(long conversationId) {
		return jdbc.sql("""
				SELECT status || ':' || attempts || ':' || COALESCE(chatwoot_message_id::text, '-')
				FROM outbound_messages WHERE conversation_id = :c""")
			.param("c", conversationId)
			.query(String.class)
			.optional()
			.orElse("");
	}

}
