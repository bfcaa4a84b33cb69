package es.msia.bot.chatwoot.http;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

import es.msia.bot.chatwoot.ChatwootClient.Failed;
import es.msia.bot.chatwoot.ChatwootClient.Read;
import es.msia.bot.chatwoot.ChatwootClient.Result;
import es.msia.bot.chatwoot.ChatwootClient.Retryable;
import es.msia.bot.chatwoot.ChatwootClient.Sent;
import es.msia.bot.chatwoot.ChatwootSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.BufferingClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * RestClient wiring for {@code /api/v1/accounts/{account}}: the {@code api_access_token} header,
 * timeouts, and the mapping of HTTP outcomes to {@link Result}. Two clients: one with the API token
 * (usually the agent bot's) and one with the user token, because Chatwoot answers 401 to bot tokens
 * outside a short allow-list (labels and conversation reads are not on it).
 */
@Component
public class ChatwootHttp {

	/** Which token a call needs. */
	public enum As {

		/** The API token: enough for messages, toggle_status and conversation custom attributes. */
		BOT,
		/** The user token (falls back to the API token): labels, reading a conversation. */
		USER

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final @Nullable RestClient bot;

	private final @Nullable RestClient user;

	private static final java.util.concurrent.Executor BODY_WRITERS = java.util.concurrent.Executors
		.newCachedThreadPool(runnable -> {
			Thread thread = new Thread(runnable, "chatwoot-body-writer");
			thread.setDaemon(true);
			return thread;
		});

	ChatwootHttp(ChatwootSettings settings, RestClient.Builder builder) {
		if (!settings.configured()) {
			this.bot = null;
			this.user = null;
			return;
		}
		HttpClient jdk = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
		// Spring hands each request body to the JDK client from a thread of this executor; its default
		// starts a new thread per request.
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(jdk, BODY_WRITERS);
		factory.setReadTimeout(settings.readTimeout());
		RestClient.Builder base = builder.clone()
			// Buffered so the body goes with a Content-Length: the JDK client would otherwise send it chunked,
			// which some reverse proxies in front of Chatwoot refuse.
			.requestFactory(new BufferingClientHttpRequestFactory(factory))
			.baseUrl(settings.apiUrl().replaceAll("/+$", "") + "/api/v1/accounts/" + settings.accountId());
		this.bot = base.clone().defaultHeader("api_access_token", settings.apiToken()).build();
		this.user = base.clone().defaultHeader("api_access_token", settings.effectiveUserToken()).build();
	}

	public Result post(String path, Map<String, ?> body) {
		return post(As.BOT, path, body);
	}

	public Result post(As as, String path, Map<String, ?> body) {
		Read<JsonNode> read = call(as, path, client -> client.post()
			.uri(template(path), ids(path))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body));
		return sent(read);
	}

	public Result put(As as, String path, Map<String, ?> body) {
		Read<JsonNode> read = call(as, path, client -> client.put()
			.uri(template(path), ids(path))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body));
		return sent(read);
	}

	/** A multipart message with one file under {@code attachments[]}, as Chatwoot's create-attachment path wants. */
	public Result postAttachment(String path, @Nullable String caption, String fileName, String contentType,
			byte[] data) {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		if (caption != null && !caption.isBlank()) {
			parts.part("content", caption);
		}
		parts.part("message_type", "outgoing");
		parts.part("private", "false");
		parts.part("attachments[]", new ByteArrayResource(data))
			.filename(fileName)
			.contentType(MediaType.parseMediaType(contentType));
		Read<JsonNode> read = call(As.BOT, path, client -> client.post()
			.uri(template(path), ids(path))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts.build()));
		return sent(read);
	}

	public Read<JsonNode> get(As as, String path) {
		return call(as, path, client -> client.get().uri(template(path), ids(path)));
	}

	/**
	 * The path with its numeric segments as template variables ({@code /conversations/{id1}/messages}):
	 * the client metrics tag requests by template, so one series per endpoint, not one per conversation.
	 */
	static String template(String path) {
		String[] segments = path.split("/", -1);
		int variable = 0;
		for (int i = 0; i < segments.length; i++) {
			if (isId(segments[i])) {
				segments[i] = "{id" + (++variable) + "}";
			}
		}
		return String.join("/", segments);
	}

	static Object[] ids(String path) {
		return java.util.Arrays.stream(path.split("/")).filter(ChatwootHttp::isId).toArray();
	}

	private static boolean isId(String segment) {
		return !segment.isEmpty() && segment.chars().allMatch(Character::isDigit);
	}

	private interface Request {

		RestClient.RequestHeadersSpec<?> build(RestClient client);

	}

	private Read<JsonNode> call(As as, String path, Request request) {
		RestClient client = as == As.BOT ? bot : user;
		if (client == null) {
			return Read.problem(new Failed("Chatwoot is not configured"));
		}
		try {
			return request.build(client).exchange((req, response) -> map(response));
		}
		catch (ResourceAccessException ex) {
			String kind = ex.getCause() instanceof SocketTimeoutException ? "timeout" : "connection error";
			return Read.problem(new Retryable(kind + ": " + ex.getMessage(), null));
		}
	}

	private static Read<JsonNode> map(ClientHttpResponse response) throws IOException {
		HttpStatusCode status = response.getStatusCode();
		if (status.is2xxSuccessful()) {
			byte[] body = response.getBody().readAllBytes();
			JsonNode json = body.length == 0 ? NullNode.getInstance()
					: JSON.readTree(body);
			return Read.of(json);
		}
		String reason = "HTTP " + status.value();
		if (status.value() == 429 || status.is5xxServerError()) {
			return Read.problem(new Retryable(reason, retryAfter(response.getHeaders().getFirst("Retry-After"))));
		}
		return Read.problem(new Failed(reason + ": " + new String(response.getBody().readNBytes(300))));
	}

	private static Result sent(Read<JsonNode> read) {
		if (read.problem() != null) {
			return read.problem();
		}
		JsonNode json = read.value();
		return new Sent(json != null && json.path("id").isNumber() ? json.path("id").asLong() : null);
	}

	private static @Nullable Duration retryAfter(@Nullable String header) {
		if (header == null) {
			return null;
		}
		try {
			return Duration.ofSeconds(Long.parseLong(header.trim()));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
