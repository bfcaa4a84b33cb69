package es.msia.bot.conversation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;

import es.msia.bot.conversation.llm.LlmSettings;
import es.msia.bot.shared.CachedProbe;
import es.msia.bot.shared.Reachability;
import org.springframework.stereotype.Service;

/**
 * Whether OpenRouter answers with the configured key, for the panel's Sistema page: {@code GET {base}/key}
 * (free, returns the key's credit limits), a short timeout, the result cached for half a minute. No key = not
 * configured: the offline engine answers every turn.
 */
@Service
public class LlmHealth {

	private final LlmSettings settings;

	private final CachedProbe cache = new CachedProbe(Clock.systemUTC());

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(CachedProbe.TIMEOUT).build();

	LlmHealth(LlmSettings settings) {
		this.settings = settings;
	}

	public Reachability check() {
		return cache.check(settings.baseUrl() + "|" + settings.apiKey().hashCode(), this::probe);
	}

	private Reachability probe(Instant now) {
		if (!settings.enabled()) {
			return Reachability.notConfigured(now);
		}
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(settings.baseUrl().replaceAll("/+$", "") + "/key"))
				.header("Authorization", "Bearer " + settings.apiKey())
				.timeout(CachedProbe.TIMEOUT)
				.GET()
				.build();
			return Reachability.ofStatus(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode(), now);
		}
		catch (HttpTimeoutException ex) {
			return Reachability.down("timeout", now);
		}
		catch (IOException | IllegalArgumentException ex) {
			return Reachability.down(ex.getClass().getSimpleName(), now);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Reachability.down("interrupted", now);
		}
	}

}
