package es.msia.bot.webhook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

import es.msia.bot.messaging.MessagingSettings;
import es.msia.bot.support.ChatwootPayloads;
import es.msia.bot.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook's defences, on an api-only process with signing switched on: token, HMAC, freshness,
 * size and syntax. Every refusal is a 4xx and leaves no trace in the database or the stream.
 */
@TestPropertySource(properties = { "msia.roles=api", "msia.webhook.secret=whsec-test-123" })
class WebhookSecurityIT extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	MessagingSettings messaging;

	final WebhookSignature signer = new WebhookSignature("whsec-test-123", 300, Clock.systemUTC());

	@Test
	void refusesAMissingOrWrongToken() {
		String body = customerMessage();

		assertThat(send("", body, now(), true).statusCode()).isEqualTo(401);
		assertThat(send("?token=wrong-token-wrong-token", body, now(), true).statusCode()).isEqualTo(401);
		assertThat(sendTo("/api/chatwoot/webhook/wrong-token", body, now(), true).statusCode()).isEqualTo(401);
		// A malformed escape (which java.net.URI will not even send) is a wrong token, not a server error.
		assertThat(rawPostStatusLine("/api/chatwoot/webhook?token=%zz", body)).contains(" 401 ");
		assertNothingRecorded(body);
	}

	@Test
	void acceptsTheTokenAsLastPathSegment() {
		HttpResponse<String> response = sendTo("/api/chatwoot/webhook/" + WEBHOOK_TOKEN, customerMessage(), now(), true);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("accepted");
	}

	@Test
	void isAnsweredAheadOfTheServletChainAndCountedByStatus() {
		sendTo("/api/chatwoot/webhook/" + WEBHOOK_TOKEN, customerMessage(), now(), true);
		send("?token=wrong-token-wrong-token", customerMessage(), now(), true);

		String metrics = http(HttpRequest.newBuilder(URI.create(base() + "/actuator/prometheus")).GET().build()).body();
		// The lean path counts its answers; the MVC observation (http.server.requests) never sees the webhook.
		assertThat(metrics).containsPattern("msia_webhook_requests_total\\{status=\"200\"} [1-9]")
			.containsPattern("msia_webhook_requests_total\\{status=\"401\"} [1-9]")
			.doesNotContainPattern("method=\"POST\"[^\\n]*uri=\"/api/chatwoot/webhook");
		// The webhook is POST only; anything else falls through to the regular chain.
		assertThat(http(HttpRequest.newBuilder(URI.create(base() + "/api/chatwoot/webhook?token=" + WEBHOOK_TOKEN))
			.GET().build()).statusCode()).isEqualTo(405);
	}

	@Test
	void refusesAMissingOrWrongSignature() {
		String body = customerMessage();

		assertThat(send("?token=" + WEBHOOK_TOKEN, body, now(), false).statusCode()).isEqualTo(401);
		HttpResponse<String> tampered = http(HttpRequest
			.newBuilder(URI.create(base() + "/api/chatwoot/webhook?token=" + WEBHOOK_TOKEN))
			.header("Content-Type", "application/json")
			.header("X-Chatwoot-Timestamp", now())
			.header("X-Chatwoot-Signature", "sha256=" + signer.sign(now(), "{}".getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
		assertThat(tampered.statusCode()).isEqualTo(401);
		assertThat(tampered.body()).contains("bad signature");
		assertNothingRecorded(body);
	}

	@Test
	void refusesAStaleDelivery() {
		String body = customerMessage();
		String sixMinutesAgo = Long.toString(Instant.now().minusSeconds(360).getEpochSecond());

		HttpResponse<String> response = send("?token=" + WEBHOOK_TOKEN, body, sixMinutesAgo, true);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("stale timestamp");
		assertNothingRecorded(body);
	}

	@Test
	void answers400ToMalformedJsonAnd413ToAnOversizedBody() {
		assertThat(send("?token=" + WEBHOOK_TOKEN, "{\"event\": ", now(), true).statusCode()).isEqualTo(400);
		assertThat(send("?token=" + WEBHOOK_TOKEN, "[1,2,3]", now(), true).statusCode()).isEqualTo(400);
		String huge = "{\"event\":\"message_created\",\"content\":\"" + "x".repeat(1024 * 1024) + "\"}";
		assertThat(send("?token=" + WEBHOOK_TOKEN, huge, now(), true).statusCode()).isEqualTo(413);
	}

	@Test
	void keepsOnlyCustomerMessagesAndRecordsHumanReplies() {
		long conversation = nextId();
		String query = "?token=" + WEBHOOK_TOKEN;

		assertThat(send(query, ChatwootPayloads.outgoingFromBot(nextId(), conversation).toString(), now(), true).body())
			.contains("ignored");
		assertThat(send(query, ChatwootPayloads.privateNote(nextId(), conversation).toString(), now(), true).body())
			.contains("private note");
		assertThat(send(query, ChatwootPayloads.statusChanged(conversation).toString(), now(), true).body())
			.contains("ignored");
		assertThat(send(query, ChatwootPayloads.outgoingFromHuman(nextId(), conversation).toString(), now(), true).body())
			.contains("recorded");

		assertThat(jdbc.sql("SELECT sender_kind FROM messages WHERE conversation_id = :c")
			.param("c", conversation)
			.query(String.class)
			.list()).containsExactly("human");
		assertThat(jdbc.sql("SELECT last_human_message_at IS NOT NULL FROM conversations WHERE id = :c")
			.param("c", conversation)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(streamMentions(Long.toString(conversation))).isFalse();
	}

	private String customerMessage() {
		return ChatwootPayloads.incomingText(nextId(), nextId(), "+34644444444", "Hola").toString();
	}

	private void assertNothingRecorded(String body) {
		long messageId = Long.parseLong(body.replaceAll("(?s)^\\{\"event\":\"message_created\",\"id\":(\\d+).*", "$1"));
		assertThat(jdbc.sql("SELECT count(*) FROM messages WHERE chatwoot_message_id = :id")
			.param("id", messageId)
			.query(Integer.class)
			.single()).isZero();
		assertThat(streamMentions("\"messageId\":" + messageId)).isFalse();
	}

	private boolean streamMentions(String text) {
		return redis.opsForStream()
			.range(messaging.stream(), Range.unbounded())
			.stream()
			.anyMatch(r -> r.getValue().toString().contains(text));
	}

	private HttpResponse<String> send(String query, String body, String timestamp, boolean signed) {
		return sendTo("/api/chatwoot/webhook" + query, body, timestamp, signed);
	}

	private HttpResponse<String> sendTo(String path, String body, String timestamp, boolean signed) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (signed) {
			request.header("X-Chatwoot-Timestamp", timestamp)
				.header("X-Chatwoot-Signature", "sha256=" + signer.sign(timestamp, body.getBytes(StandardCharsets.UTF_8)));
		}
		return http(request.build());
	}

	private String rawPostStatusLine(String target, String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		try (Socket socket = new Socket("localhost", ports.apiPort())) {
			socket.getOutputStream().write(("POST " + target + " HTTP/1.1\r\nHost: localhost\r\n"
					+ "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().write(bytes);
			return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private HttpResponse<String> http(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String base() {
		return "http://localhost:" + ports.apiPort();
	}

	private static String now() {
		return Long.toString(Instant.now().getEpochSecond());
	}

}
