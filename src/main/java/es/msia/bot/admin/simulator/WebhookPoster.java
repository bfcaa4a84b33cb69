package es.msia.bot.admin.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import es.msia.bot.platform.ServerPorts;
import es.msia.bot.webhook.WebhookToken;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the simulated customer's messages the way Chatwoot does: a {@code message_created} webhook
 * (protocols.md A4.1 shape) posted over HTTP to this process's API port with the real token (and
 * signature when a secret is set), so intake, dedupe, stream, graph and outbox all run as in production.
 * Ids come from the {@code simulator_ids} sequence, inside {@code shared.SimulatedConversations}' range.
 */
@Component
class WebhookPoster {

	private final ServerPorts ports;

	private final WebhookToken token;

	private final JsonMapper json;

	private final JdbcClient jdbc;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	WebhookPoster(ServerPorts ports, WebhookToken token, JsonMapper json, JdbcClient jdbc) {
		this.ports = ports;
		this.token = token;
		this.json = json;
		this.jdbc = jdbc;
	}

	/** A file in a simulated message: what Chatwoot tells about it, and where it can be fetched. */
	record Attachment(SimulatedFileType type, URI dataUrl, long size) {
	}

	/** A new id in the simulator's range. */
	long nextId() {
		return jdbc.sql("SELECT nextval('simulator_ids')").query(Long.class).single();
	}

	/** True when this process runs the API role, which the simulator posts to. */
	boolean available() {
		return ports.apiPort() > 0;
	}

	/**
	 * Posts one customer message; returns the webhook's HTTP status.
	 * @throws IOException when the API port cannot be reached
	 */
	int post(SimulatedCustomer customer, String text) throws IOException, InterruptedException {
		return post(customer, text, null);
	}

	/**
	 * Posts one customer message carrying a file, as Chatwoot describes a WhatsApp photo or document
	 * (protocols.md A3, A4.2): {@code content} is the caption or null, {@code attachments[0].data_url} the link
	 * the agent downloads from.
	 */
	int post(SimulatedCustomer customer, @Nullable String caption, @Nullable Attachment attachment)
			throws IOException, InterruptedException {
		long messageId = nextId();
		Map<String, Object> event = payload(customer, messageId, caption);
		if (attachment != null) {
			Map<String, Object> file = new LinkedHashMap<>();
			file.put("id", nextId());
			file.put("message_id", messageId);
			file.put("file_type", attachment.type().chatwootType());
			file.put("account_id", 0);
			file.put("extension", attachment.type().extension());
			file.put("data_url", attachment.dataUrl().toString());
			file.put("thumb_url", "");
			file.put("file_size", attachment.size());
			event.put("attachments", List.of(file));
		}
		byte[] body = json.writeValueAsBytes(event);
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + ports.apiPort() + "/api/chatwoot/webhook?token=" + token.value()))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		token.signatureHeaders(body).forEach(request::header);
		return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static Map<String, Object> payload(SimulatedCustomer customer, long messageId, @Nullable String text) {
		String tipo = "profesional".equals(customer.clientType()) ? "Profesional" : "Particular";
		Map<String, Object> sender = new LinkedHashMap<>();
		sender.put("name", customer.name());
		sender.put("phone_number", customer.phone());
		sender.put("custom_attributes", Map.of("tipo", tipo));
		sender.put("type", "contact");
		Map<String, Object> conversation = new LinkedHashMap<>();
		conversation.put("id", customer.conversationId());
		conversation.put("inbox_id", 0);
		conversation.put("status", "pending");
		conversation.put("channel", "Channel::Whatsapp");
		conversation.put("custom_attributes", Map.of("tipo", tipo));
		conversation.put("meta", Map.of("sender", Map.of("phone_number", customer.phone())));
		conversation.put("contact_inbox", Map.of("source_id", customer.phone().replace("+", "")));
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("event", "message_created");
		event.put("id", messageId);
		event.put("content", text);
		event.put("content_type", "text");
		event.put("message_type", "incoming");
		event.put("private", false);
		event.put("created_at", Instant.now().toString());
		event.put("account", Map.of("id", 0));
		event.put("inbox", Map.of("id", 0));
		event.put("sender", sender);
		event.put("conversation", conversation);
		return event;
	}

}
