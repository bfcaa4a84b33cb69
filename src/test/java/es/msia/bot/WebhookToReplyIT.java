package es.msia.bot;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import es.msia.bot.messaging.MessagingSettings;
import es.msia.bot.messaging.redis.StreamConsumer;
import es.msia.bot.support.ChatwootPayloads;
import es.msia.bot.support.FakeChatwoot.StoredMessage;
import es.msia.bot.support.IntegrationTest;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The seed's message path, for real: webhook → PostgreSQL + {@code incoming_messages} → consumer group →
 * outbox → fake Chatwoot over HTTP → {@code outgoing_messages}.
 */
class WebhookToReplyIT extends IntegrationTest {

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	RedisConnectionFactory connectionFactory;

	@Autowired
	MessagingSettings messaging;

	@Autowired
	StreamConsumer consumer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	RedisMessageListenerContainer listener;

	final BlockingQueue<String> published = new LinkedBlockingQueue<>();

	@BeforeEach
	void subscribe() {
		listener = new RedisMessageListenerContainer();
		listener.setConnectionFactory(connectionFactory);
		listener.addMessageListener((message, pattern) -> published.add(new String(message.getBody())),
				new ChannelTopic("outgoing_messages"));
		listener.afterPropertiesSet();
		listener.start();
	}

	@AfterEach
	void unsubscribe() {
		listener.stop();
	}

	@Test
	void answersACustomerMessageThroughChatwootAndPublishesTheReply() throws Exception {
		long messageId = nextId();
		long conversationId = nextId();
		String body = ChatwootPayloads.incomingText(messageId, conversationId, "+34612345678", "Hola, ¿a qué hora abren?")
			.toString();

		HttpResponse<String> response = postWebhook("?token=" + WEBHOOK_TOKEN, body);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("accepted");
		assertThat(entriesFor(conversationId)).hasSize(1);
		await().atMost(Duration.ofSeconds(10)).until(() -> chatwoot.messages(conversationId).size() == 1);
		StoredMessage sent = chatwoot.messages(conversationId).get(0);
		assertThat(sent.content()).startsWith("¡Hola, María!").contains("MSI Automotive");
		assertThat(sent.body().path("message_type").asString()).isEqualTo("outgoing");
		assertThat(sent.body().path("private").asBoolean()).isFalse();
		RecordedRequest request = chatwoot.requests()
			.stream()
			.filter(r -> r.getUrl().encodedPath().equals("/api/v1/accounts/1/conversations/" + conversationId + "/messages"))
			.findFirst()
			.orElseThrow();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getHeaders().get("api_access_token")).isEqualTo("bot-token-for-tests");
		assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
		assertThat(request.getHeaders().get("Content-Length")).isEqualTo(Long.toString(request.getBodySize()));

		JsonNode event = json.readTree(published.poll(10, TimeUnit.SECONDS));
		while (event.path("conversationId").asLong() != conversationId) {
			event = json.readTree(published.poll(10, TimeUnit.SECONDS));
		}
		assertThat(event.path("content").asString()).isEqualTo(sent.content());
		assertThat(event.path("delivery").asString()).isEqualTo("sent");
		assertThat(event.path("chatwootMessageId").asLong()).isEqualTo(sent.id());
		await().atMost(Duration.ofSeconds(5)).until(() -> pendingCount() == 0);
		assertThat(transcript(conversationId)).containsExactly("customer", "bot");
	}

	@Test
	void aReplayedWebhookChangesNothing() {
		long messageId = nextId();
		long conversationId = nextId();
		String body = ChatwootPayloads.incomingText(messageId, conversationId, "+34611111111", "Buenas").toString();

		assertThat(postWebhook("?token=" + WEBHOOK_TOKEN, body).body()).contains("accepted");
		assertThat(postWebhook("?token=" + WEBHOOK_TOKEN, body).body()).contains("duplicate");
		await().atMost(Duration.ofSeconds(10)).until(() -> chatwoot.messages(conversationId).size() == 1);

		assertThat(entriesFor(conversationId)).hasSize(1);
		assertThat(jdbc.sql("SELECT count(*) FROM customers WHERE phone = '+34611111111'").query(Integer.class).single())
			.isEqualTo(1);
		await().during(Duration.ofMillis(500)).until(() -> chatwoot.messages(conversationId).size() == 1);
	}

	@Test
	void anEntryLeftPendingByADeadAgentIsReclaimedAndAnsweredOnce() {
		long messageId = nextId();
		long conversationId = nextId();
		consumer.stop();
		try {
			postWebhook("?token=" + WEBHOOK_TOKEN,
					ChatwootPayloads.incomingText(messageId, conversationId, "+34622222222", "¿Estáis?").toString());
			// A second agent reads the entry and dies before acknowledging it.
			List<MapRecord<String, Object, Object>> taken = redis.opsForStream()
				.read(Consumer.from(messaging.group(), "agent-killed-before-ack"), StreamReadOptions.empty().count(100),
						StreamOffset.create(messaging.stream(), ReadOffset.lastConsumed()));
			assertThat(taken).extracting(r -> r.getValue().get("conversation")).contains(Long.toString(conversationId));
		}
		finally {
			consumer.start();
		}

		await().atMost(Duration.ofSeconds(15)).until(() -> chatwoot.messages(conversationId).size() == 1);
		await().atMost(Duration.ofSeconds(5)).until(() -> pendingCount() == 0);
		await().during(Duration.ofSeconds(2)).until(() -> chatwoot.messages(conversationId).size() == 1);
	}

	@Test
	void anUndecodableEntryGoesToTheDeadLetterStream() {
		String id = redis.opsForStream()
			.add(MapRecord.create(messaging.stream(), java.util.Map.of("payload", "{not json", "conversation", "1")))
			.getValue();

		await().atMost(Duration.ofSeconds(10))
			.until(() -> redis.opsForStream()
				.range(messaging.deadLetterStream(), org.springframework.data.domain.Range.unbounded())
				.stream()
				.anyMatch(r -> id.equals(r.getValue().get("original_id"))));
		await().atMost(Duration.ofSeconds(5)).until(() -> pendingCount() == 0);
	}

	@Test
	void retriesChatwootErrorsAndSendsTheReplyOnce() {
		long conversationId = nextId();
		chatwoot.failNext(1, 429, 1);
		chatwoot.failNext(1, 503, null);

		postWebhook("?token=" + WEBHOOK_TOKEN,
				ChatwootPayloads.incomingText(nextId(), conversationId, "+34633333333", "Hola").toString());

		await().atMost(Duration.ofSeconds(15)).until(() -> chatwoot.messages(conversationId).size() == 1);
		// The row is marked right after Chatwoot answers; under load that can trail the fake's record.
		await().atMost(Duration.ofSeconds(5))
			.until(() -> jdbc.sql("SELECT status || ':' || attempts FROM outbound_messages WHERE conversation_id = :c")
				.param("c", conversationId)
				.query(String.class)
				.single(), "sent:3"::equals);
	}

	private List<MapRecord<String, Object, Object>> entriesFor(long conversationId) {
		return redis.opsForStream()
			.range(messaging.stream(), org.springframework.data.domain.Range.unbounded())
			.stream()
			.filter(r -> Long.toString(conversationId).equals(r.getValue().get("conversation")))
			.toList();
	}

	private long pendingCount() {
		var summary = redis.opsForStream().pending(messaging.stream(), messaging.group());
		return summary == null ? 0 : summary.getTotalPendingMessages();
	}

	private List<String> transcript(long conversationId) {
		return jdbc.sql("SELECT sender_kind FROM messages WHERE conversation_id = :c ORDER BY id")
			.param("c", conversationId)
			.query(String.class)
			.list();
	}

}
