package es.msia.bot.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import es.msia.bot.platform.ServerPorts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Base of the application tests: the whole application with embedded PostgreSQL and Redis, on random
 * ports, talking to a {@link FakeChatwoot} over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
public abstract class IntegrationTest {

	/** Shared by every test class of the JVM, as the cached contexts are; it dies with the JVM. */
	protected static final FakeChatwoot chatwoot = new FakeChatwoot();

	protected static final String WEBHOOK_TOKEN = "test-webhook-token-0123456789";

	private static final AtomicLong ids = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 100);

	protected final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	protected ServerPorts ports;

	@DynamicPropertySource
	static void chatwootProperties(DynamicPropertyRegistry registry) {
		registry.add("msia.chatwoot.api-url", chatwoot::url);
		registry.add("msia.chatwoot.api-token", () -> FakeChatwoot.TOKEN);
		registry.add("msia.chatwoot.user-token", () -> FakeChatwoot.USER_TOKEN);
		registry.add("msia.chatwoot.account-id", () -> FakeChatwoot.ACCOUNT);
	}

	/** A fresh id, so tests sharing a database never collide. */
	protected static long nextId() {
		return ids.incrementAndGet();
	}

	/**
	 * The normalised payload the webhook stored for a real «Hola» in a new conversation (answered before this
	 * returns), relabelled as message {@code messageId} saying {@code content}: what a test needs to plant a
	 * message row as a crash would have left it.
	 */
	protected String storedPayloadOfAGreeting(JdbcClient jdbc, long conversationId, String phone, long messageId,
			String content) {
		assertThat(postWebhook("?token=" + WEBHOOK_TOKEN,
				ChatwootPayloads.incomingText(nextId(), conversationId, phone, "Hola").toString()).body())
			.contains("accepted");
		await().atMost(Duration.ofSeconds(10)).until(() -> chatwoot.messages(conversationId).size() == 1);
		return jdbc.sql("SELECT payload::text FROM messages WHERE conversation_id = :c AND direction = 'inbound'")
			.param("c", conversationId)
			.query(String.class)
			.single()
			.replaceAll("\"messageId\"\\s*:\\s*\\d+", "\"messageId\": " + messageId)
			.replace("\"content\": \"Hola\"", "\"content\": \"" + content + "\"");
	}

	protected HttpResponse<String> postWebhook(String query, String body) {
		return post("http://localhost:" + ports.apiPort() + "/api/chatwoot/webhook" + query, body);
	}

	protected HttpResponse<String> post(String url, String body) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	protected HttpResponse<String> get(String url) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
