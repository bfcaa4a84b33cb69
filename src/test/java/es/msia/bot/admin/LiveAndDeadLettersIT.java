package es.msia.bot.admin;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import es.msia.bot.messaging.DeadLetters;
import es.msia.bot.messaging.LiveFeed;
import es.msia.bot.messaging.MessagingSettings;
import es.msia.bot.messaging.redis.StreamConsumer;
import es.msia.bot.support.ChatwootPayloads;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The conversation page's live transcript as an event stream (read here by a plain HTTP client), and the
 * system page's dead-letter retry: a message the agents gave up on goes back on the stream and is
 * answered.
 */
class LiveAndDeadLettersIT extends PanelTest {

	@Autowired
	LiveFeed feed;

	@Autowired
	DeadLetters deadLetters;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	MessagingSettings messaging;

	@Autowired
	StreamConsumer consumer;

	String staff;

	String admin;

	@BeforeEach
	void users() {
		staff = user("staff");
		admin = user("admin");
	}

	@Test
	void streamsTheConversationsLiveEventsToSignedInStaff() throws Exception {
		long conversation = nextId();
		PanelClient panel = panel();
		panel.login(staff, PASSWORD);

		HttpResponse<Stream<String>> response = panel.lines("/conversations/" + conversation + "/events");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				t -> assertThat(t).startsWith("text/event-stream"));
		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		Thread reader = new Thread(() -> {
			try {
				response.body().forEach(lines::add);
			}
			catch (RuntimeException ex) {
				// the test closed the stream
			}
		});
		reader.setDaemon(true);
		reader.start();
		try {
			assertThat(next(lines, "event:")).isEqualTo("event:ready");
			// Another conversation's events are not sent; this one's are (retried until the subscription is up).
			Instant deadline = Instant.now().plusSeconds(15);
			String event = null;
			while (event == null && Instant.now().isBefore(deadline)) {
				feed.publishOutgoing(new LiveFeed.LiveEvent(conversation + 1, "outgoing", "bot", "otra", null, "kept",
						Instant.now()));
				feed.publishOutgoing(new LiveFeed.LiveEvent(conversation, "outgoing", "bot", "Hola", null, "kept",
						Instant.now()));
				event = lines.poll(500, TimeUnit.MILLISECONDS);
				while (event != null && !event.startsWith("event:")) {
					event = lines.poll(500, TimeUnit.MILLISECONDS);
				}
			}
			assertThat(event).isEqualTo("event:transcript");
			String data = next(lines, "data:");
			assertThat(data).contains("\"direction\":\"outgoing\"").contains("\"sender\":\"bot\"");
			feed.publishIncoming(new LiveFeed.LiveEvent(conversation, "incoming", "customer", "Gracias", null, "received",
					Instant.now()));
			String incoming = next(lines, "data:");
			while (!incoming.contains("incoming")) {
				incoming = next(lines, "data:");
			}
			assertThat(incoming).contains("\"sender\":\"customer\"");
		}
		finally {
			response.body().close();
		}
	}

	@Test
	void retriesADeadLetterFromTheSystemPageAndTheMessageGetsAnswered() {
		long conversationId = nextId();
		String deadId;
		consumer.stop();
		try {
			postWebhook("?token=" + WEBHOOK_TOKEN, ChatwootPayloads
				.incomingText(nextId(), conversationId, "+34633333333", "Hola, ¿a qué hora abren?")
				.toString());
			// What the consumer does after the last failed delivery: the entry moves to the dead-letter stream.
			MapRecord<String, Object, Object> entry = redis.opsForStream()
				.range(messaging.stream(), Range.unbounded())
				.stream()
				.filter(r -> Long.toString(conversationId).equals(r.getValue().get("conversation")))
				.findFirst()
				.orElseThrow();
			String original = entry.getId().getValue();
			deadId = redis.opsForStream()
				.add(MapRecord.create(messaging.deadLetterStream(), Map.of("original_id", original, "payload",
						String.valueOf(entry.getValue().get("payload")), "reason", "failed 5 times")))
				.getValue();
			redis.opsForStream().delete(messaging.stream(), original);
			redis.opsForHash().put(messaging.stream() + ":failures", original, "5");
		}
		finally {
			consumer.start();
		}
		await().during(Duration.ofSeconds(1)).until(() -> chatwoot.messages(conversationId).isEmpty());
		assertThat(deadLetters.newest(50)).extracting(DeadLetters.DeadLetter::id).contains(deadId);

		PanelClient panel = panel();
		panel.login(admin, PASSWORD);
		HttpResponse<String> system = panel.get("/system");
		assertThat(system.body()).contains("id=\"dead-" + deadId + "\"").contains("Reintentar");
		HttpResponse<String> retried = panel.post("/system/dead-letters/" + deadId + "/retry", "");

		assertThat(retried.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/system"));
		assertThat(panel.get("/system").body()).contains("Mensaje devuelto a la cola").doesNotContain("id=\"dead-" + deadId + "\"");
		await().atMost(Duration.ofSeconds(15)).until(() -> chatwoot.messages(conversationId).size() == 1);
		assertThat(chatwoot.messages(conversationId).get(0).content()).contains("MSI Automotive");
		assertThat(deadLetters.newest(50)).extracting(DeadLetters.DeadLetter::id).doesNotContain(deadId);
		assertThat(redis.opsForHash().entries(messaging.stream() + ":failures")).doesNotContainValue("5");
		// Retrying it again finds nothing: the page says so instead of appending twice.
		panel.post("/system/dead-letters/" + deadId + "/retry", "");
		assertThat(panel.get("/system").body()).contains("ya no está en la lista");
	}

	private static String next(BlockingQueue<String> lines, String prefix) throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(15);
		while (Instant.now().isBefore(deadline)) {
			String line = lines.poll(500, TimeUnit.MILLISECONDS);
			if (line != null && line.startsWith(prefix)) {
				return line;
			}
		}
		throw new AssertionError("no '" + prefix + "' line in 15 s");
	}

}
