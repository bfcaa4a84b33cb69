package es.msia.bot.chatwoot.http;

import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

import es.msia.bot.chatwoot.ChatwootClient.Failed;
import es.msia.bot.chatwoot.ChatwootClient.Result;
import es.msia.bot.chatwoot.ChatwootClient.Retryable;
import es.msia.bot.chatwoot.ChatwootClient.Sent;
import es.msia.bot.chatwoot.ChatwootSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.BufferingClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * RestClient wiring for {@code /api/v1/accounts/{account}}: the {@code api_access_token} header,
 * timeouts, and the mapping of HTTP outcomes to {@link Result}.
 */
@Component
public class ChatwootHttp {

	private final @Nullable RestClient client;

	ChatwootHttp(ChatwootSettings settings, RestClient.Builder builder) {
		if (!settings.configured()) {
			this.client = null;
			return;
		}
		HttpClient jdk = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(jdk);
		factory.setReadTimeout(settings.readTimeout());
		this.client = builder.clone()
			// Buffered so the body goes with a Content-Length: the JDK client would otherwise send it chunked,
			// which some reverse proxies in front of Chatwoot refuse.
			.requestFactory(new BufferingClientHttpRequestFactory(factory))
			.baseUrl(settings.apiUrl().replaceAll("/+$", "") + "/api/v1/accounts/" + settings.accountId())
			.defaultHeader("api_access_token", settings.apiToken())
			.build();
	}

	public Result post(String path, Map<String, ?> body) {
		if (client == null) {
			return new Failed("Chatwoot is not configured");
		}
		try {
			return client.post()
				.uri(path)
				.contentType(MediaType.APPLICATION_JSON)
				.body(body)
				.exchange((request, response) -> {
					HttpStatusCode status = response.getStatusCode();
					if (status.is2xxSuccessful()) {
						JsonNode json = response.bodyTo(JsonNode.class);
						return new Sent(json != null && json.path("id").isNumber() ? json.path("id").asLong() : null);
					}
					String reason = "HTTP " + status.value();
					if (status.value() == 429 || status.is5xxServerError()) {
						return new Retryable(reason, retryAfter(response.getHeaders().getFirst("Retry-After")));
					}
					return new Failed(reason + ": " + new String(response.getBody().readNBytes(300)));
				});
		}
		catch (ResourceAccessException ex) {
			String kind = ex.getCause() instanceof SocketTimeoutException ? "timeout" : "connection error";
			return new Retryable(kind + ": " + ex.getMessage(), null);
		}
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
