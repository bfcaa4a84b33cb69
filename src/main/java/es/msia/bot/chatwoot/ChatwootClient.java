package es.msia.bot.chatwoot;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import es.msia.bot.chatwoot.http.ChatwootHttp;
import es.msia.bot.shared.SimulatedConversations;
import es.msia.bot.chatwoot.http.ChatwootHttp.As;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Chatwoot's Application API as the bot uses it. Each call says whether it worked, may be retried, or
 * failed for good, so callers never parse HTTP errors themselves. Writes to labels and conversation
 * custom attributes <em>replace</em> the whole list or hash (protocols.md B2): read, merge, then write.
 */
@Service
public class ChatwootClient {

	/** Outcome of one call. */
	public sealed interface Result {

	}

	/** Chatwoot accepted the call; for messages, it stored the message (sending to WhatsApp happens afterwards). */
	public record Sent(@Nullable Long messageId) implements Result {
	}

	/** Worth trying again later: 429, 5xx, timeouts, connection errors. */
	public record Retryable(String reason, @Nullable Duration retryAfter) implements Result {
	}

	/** Will not work by retrying: 4xx other than 429 (e.g. a bot token on a user-only endpoint), or no configuration. */
	public record Failed(String reason) implements Result {
	}

	/**
	 * Outcome of a read: the value, or the {@link Retryable}/{@link Failed} problem (exactly one is set).
	 */
	public record Read<T>(@Nullable T value, @Nullable Result problem) {

		public static <T> Read<T> of(T value) {
			return new Read<>(value, null);
		}

		public static <T> Read<T> problem(Result problem) {
			return new Read<>(null, problem);
		}

		public boolean ok() {
			return problem == null;
		}

	}

	/**
	 * What every call about a simulated conversation answers: it succeeds without leaving the process, so
	 * the simulator exercises the same paths (outbox, handoff) as a real chat while nothing reaches Chatwoot.
	 */
	private static final Result SIMULATED = new Sent(null);

	private final ChatwootHttp http;

	private final ChatwootSettings settings;

	ChatwootClient(ChatwootHttp http, ChatwootSettings settings) {
		this.http = http;
		this.settings = settings;
	}

	/** True when a Chatwoot installation is configured. */
	public boolean configured() {
		return settings.configured();
	}

	/** POST .../conversations/{id}/messages with an outgoing text or a private note. */
	public Result sendMessage(long conversationId, String content, boolean privateNote) {
		if (SimulatedConversations.isSimulated(conversationId)) {
			return SIMULATED;
		}
		return http.post(path(conversationId, "/messages"), Map.of("content", content, "message_type", "outgoing",
				"private", privateNote, "content_type", "text"));
	}

	/**
	 * An approved WhatsApp template (protocols.md B2 "WhatsApp template", C1): {@code template_params} with
	 * the numbered body parameters, and the filled-in body as the fallback {@code content} Chatwoot shows.
	 */
	public Result sendTemplate(long conversationId, WhatsAppTemplate template) {
		if (SimulatedConversations.isSimulated(conversationId)) {
			return SIMULATED;
		}
		return http.post(path(conversationId, "/messages"), Map.of("content", template.fallback(), "message_type",
				"outgoing", "private", false, "content_type", "text", "template_params", template.templateParams()));
	}

	/** A note only agents see. Sent directly; use the outbox when it must survive a Chatwoot outage. */
	public Result privateNote(long conversationId, String text) {
		return sendMessage(conversationId, text, true);
	}

	/** An outgoing message with one file ({@code multipart/form-data}, {@code attachments[]}). */
	public Result sendAttachment(long conversationId, @Nullable String caption, String fileName, String contentType,
			byte[] data) {
		if (SimulatedConversations.isSimulated(conversationId)) {
			return SIMULATED;
		}
		return http.postAttachment(path(conversationId, "/messages"), caption, fileName, contentType, data);
	}

	/**
	 * POST toggle_status. Moving {@code pending → open} with a bot token is Chatwoot's bot handoff (its
	 * payload then says {@code success: null}; that is still a success).
	 */
	public Result toggleStatus(long conversationId, String status) {
		if (SimulatedConversations.isSimulated(conversationId)) {
			return SIMULATED;
		}
		return http.post(path(conversationId, "/toggle_status"), Map.of("status", status));
	}

	/** GET the conversation's labels (user token). */
	public Read<List<String>> labels(long conversationId) {
		if (SimulatedConversations.isSimulated(conversationId)) {
			return Read.of(List.of());
		}
		Read<JsonNode> read = http.get(As.USER, path(conversationId, "/labels"));
		if (!read.ok()) {
			return Read.problem(read.problem());
		}
		List<String> labels = new ArrayList<>();
		read.value().path("payload").forEach(label -> labels.add(label.asString()));
		return Read.of(labels);
	}

	/**
	 * Our outgoing message with this text, if the conversation's latest 20 messages (GET messages, user
	 * token) hold one created at or after {@code notBefore}: how a retry finds out that an attempt whose
	 * answer never came did reach Chatwoot. Chatwoot's message API has no idempotency key to ask instead.
	 */
	public Read<Optional<Long>> findOutgoing(long conversationId, String content, boolean privateNote, Instant notBefore) {
		if (SimulatedConversations.isSimulated(conversationId)) {
			return Read.of(Optional.empty());
		}
		Read<JsonNode> read = http.get(As.USER, path(conversationId, "/messages"));
		if (!read.ok()) {
			return Read.problem(read.problem());
		}
		for (JsonNode message : read.value().path("payload")) {
			// B3: message_type is an int here (1 = outgoing) and created_at unix seconds.
			if (message.path("message_type").asInt(-1) == 1 && message.path("private").asBoolean(false) == privateNote
					&& content.equals(message.path("content").asString(""))
					&& message.path("created_at").asLong(0) >= notBefore.getEpochSecond() - 1) {
				return Read.of(Optional.of(message.path("id").asLong()));
			}
		}
		return Read.of(Optional.empty());
	}

	/** POST the complete label list (replaces it; user token). */
	public Result setLabels(long conversationId, List<String> labels) {
		if (SimulatedConversations.isSimulated(conversationId)) {
			return SIMULATED;
		}
		return http.post(As.USER, path(conversationId, "/labels"), Map.of("labels", labels));
	}

	/** The conversation's custom attributes, from GET conversation (user token). */
	public Read<Map<String, Object>> conversationCustomAttributes(long conversationId) {
		if (SimulatedConversations.isSimulated(conversationId)) {
			return Read.of(Map.of());
		}
		Read<JsonNode> read = http.get(As.USER, path(conversationId, ""));
		if (!read.ok()) {
			return Read.problem(read.problem());
		}
		Map<String, Object> attributes = new LinkedHashMap<>();
		read.value().path("custom_attributes").properties().forEach(e -> attributes.put(e.getKey(), plain(e.getValue())));
		return Read.of(attributes);
	}

	/** POST the complete custom-attribute hash (replaces it; allowed to bots). */
	public Result setConversationCustomAttributes(long conversationId, Map<String, ?> attributes) {
		if (SimulatedConversations.isSimulated(conversationId)) {
			return SIMULATED;
		}
		return http.post(path(conversationId, "/custom_attributes"), Map.of("custom_attributes", attributes));
	}

	/**
	 * PUT /contacts/{id} (user token). Chatwoot merges {@code custom_attributes} and
	 * {@code additional_attributes} into the contact's (protocols.md B2), so only the keys sent change.
	 */
	public Result updateContact(long conversationId, long contactId, Map<String, ?> contact) {
		if (SimulatedConversations.isSimulated(conversationId)) {
			return SIMULATED;
		}
		return http.put(As.USER, "/contacts/" + contactId, contact);
	}

	private static String path(long conversationId, String suffix) {
		return "/conversations/" + conversationId + suffix;
	}

	/** Plain Java values, so that writing the merged hash back sends the same JSON types. */
	private static @Nullable Object plain(JsonNode node) {
		if (node.isBoolean()) {
			return node.asBoolean();
		}
		if (node.isIntegralNumber()) {
			return node.asLong();
		}
		if (node.isNumber()) {
			return node.decimalValue();
		}
		if (node.isString()) {
			return node.asString();
		}
		return node.isNull() ? null : node;
	}

}
