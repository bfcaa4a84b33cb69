package es.msia.bot.conversation.llm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import es.msia.bot.conversation.llm.LlmCallFailed.Reason;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP transport under LangChain4j's OpenAI client, so that we see what it hides (protocols.md part D):
 * the {@code Retry-After} header of a 429/503, and 200 responses that are not a completion — an
 * {@code {"error": ...}} body, no or empty {@code choices}, malformed JSON, or an event stream (we never
 * ask for streaming, but a proxy might answer with one, possibly carrying a mid-stream error). Each becomes
 * an {@link LlmCallFailed} with the reason that decides retry or offline fallback.
 */
final class OpenRouterHttp implements dev.langchain4j.http.client.HttpClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http;

	private final Duration readTimeout;

	private OpenRouterHttp(Duration connectTimeout, Duration readTimeout) {
		this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
		this.readTimeout = readTimeout;
	}

	static HttpClientBuilder builder() {
		return new Builder();
	}

	@Override
	public SuccessfulHttpResponse execute(dev.langchain4j.http.client.HttpRequest request) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url())).timeout(readTimeout);
		request.headers().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
		String method = request.method().name();
		builder.method(method, request.body() == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(request.body()));
		HttpResponse<String> response;
		try {
			response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (HttpTimeoutException ex) {
			throw new LlmCallFailed(Reason.UNAVAILABLE, "timed out after " + readTimeout, ex);
		}
		catch (IOException ex) {
			throw new LlmCallFailed(Reason.UNAVAILABLE, ex.toString(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LlmCallFailed(Reason.UNAVAILABLE, "interrupted", ex);
		}
		int status = response.statusCode();
		String body = response.body() == null ? "" : response.body();
		if (status < 200 || status > 299) {
			throw new LlmCallFailed(reasonOf(status), "HTTP " + status + ": " + abbreviate(body), null,
					retryAfter(response.headers().firstValue("Retry-After").orElse(null), Instant.now()));
		}
		checkCompletion(body, response.headers().firstValue("Content-Type").orElse(""));
		return SuccessfulHttpResponse.builder().statusCode(status).headers(response.headers().map()).body(body).build();
	}

	/** Throws unless the 200 body is a JSON completion with at least one choice and no error object. */
	static void checkCompletion(String body, String contentType) {
		String trimmed = body.strip();
		if (contentType.toLowerCase(Locale.ROOT).startsWith("text/event-stream") || trimmed.startsWith("data:")
				|| trimmed.startsWith(":")) {
			throw streamed(trimmed);
		}
		JsonNode root;
		try {
			root = JSON.readTree(trimmed);
		}
		catch (RuntimeException ex) {
			throw new LlmCallFailed(Reason.UNUSABLE, "malformed JSON in a 200: " + abbreviate(body), ex);
		}
		if (root == null || !root.isObject()) {
			throw new LlmCallFailed(Reason.UNUSABLE, "a 200 that is not a JSON object: " + abbreviate(body));
		}
		if (root.has("error") && !root.get("error").isNull()) {
			throw errorInside(root.get("error"));
		}
		JsonNode choices = root.path("choices");
		if (!choices.isArray() || choices.isEmpty()) {
			throw new LlmCallFailed(Reason.UNUSABLE, "a 200 with no choices");
		}
		JsonNode first = choices.get(0);
		if (first.has("error") && !first.get("error").isNull()) {
			throw errorInside(first.get("error"));
		}
		if ("error".equals(first.path("finish_reason").asString(""))) {
			throw new LlmCallFailed(Reason.UNAVAILABLE, "finish_reason error: " + abbreviate(body));
		}
		if (!first.path("message").isObject()) {
			throw new LlmCallFailed(Reason.UNUSABLE, "a choice with no message");
		}
	}

	/**
	 * An event stream where a completion was expected. We do not stream (WhatsApp gets whole messages), so
	 * the stream is never assembled: an error event inside it is classified like a status, anything else
	 * is unusable.
	 */
	private static LlmCallFailed streamed(String body) {
		for (String line : body.split("\n")) {
			String data = line.strip();
			if (!data.startsWith("data:")) {
				continue;
			}
			data = data.substring(5).strip();
			if (data.startsWith("{")) {
				try {
					JsonNode event = JSON.readTree(data);
					if (event.has("error")) {
						return errorInside(event.get("error"));
					}
				}
				catch (RuntimeException ex) {
					// A broken event is as unusable as the rest of an unexpected stream.
				}
			}
		}
		return new LlmCallFailed(Reason.UNUSABLE, "an event stream where a completion was expected");
	}

	/**
	 * D4/D6: {@code {"error":{"code":502,...}}} after the model started; a numeric code decides retry or not
	 * like a status, a textual one ({@code "server_error"}, as one doc page shows) counts as unavailable.
	 */
	private static LlmCallFailed errorInside(JsonNode error) {
		JsonNode code = error.path("code");
		Reason reason;
		if (code.isNumber()) {
			reason = reasonOf(code.asInt());
		}
		else if (code.asString("").matches("\\d{3}")) {
			reason = reasonOf(Integer.parseInt(code.asString()));
		}
		else {
			reason = Reason.UNAVAILABLE;
		}
		return new LlmCallFailed(reason, "error inside a 200: " + abbreviate(error.toString()));
	}

	static Reason reasonOf(int status) {
		if (status == 402) {
			return Reason.NO_CREDIT;
		}
		return status == 408 || status == 429 || status >= 500 ? Reason.UNAVAILABLE : Reason.REJECTED;
	}

	/** {@code Retry-After} as delay-seconds or an HTTP date; null when absent or unreadable. */
	static @Nullable Duration retryAfter(@Nullable String header, Instant now) {
		if (header == null || header.isBlank()) {
			return null;
		}
		String value = header.strip();
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
		}
		catch (NumberFormatException ex) {
			try {
				Duration until = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
				return until.isNegative() ? Duration.ZERO : until;
			}
			catch (DateTimeParseException unreadable) {
				return null;
			}
		}
	}

	private static String abbreviate(String text) {
		return text.length() <= 300 ? text : text.substring(0, 300) + "…";
	}

	@Override
	public void execute(dev.langchain4j.http.client.HttpRequest request, ServerSentEventParser parser,
			ServerSentEventListener listener) {
		throw new UnsupportedOperationException("MSI-a does not stream LLM answers");
	}

	private static final class Builder implements HttpClientBuilder {

		private Duration connectTimeout = Duration.ofSeconds(10);

		private Duration readTimeout = Duration.ofSeconds(20);

		@Override
		public Duration connectTimeout() {
			return connectTimeout;
		}

		@Override
		public HttpClientBuilder connectTimeout(Duration timeout) {
			if (timeout != null) {
				this.connectTimeout = timeout;
			}
			return this;
		}

		@Override
		public Duration readTimeout() {
			return readTimeout;
		}

		@Override
		public HttpClientBuilder readTimeout(Duration timeout) {
			if (timeout != null) {
				this.readTimeout = timeout;
			}
			return this;
		}

		@Override
		public dev.langchain4j.http.client.HttpClient build() {
			return new OpenRouterHttp(connectTimeout, readTimeout);
		}

	}

}
