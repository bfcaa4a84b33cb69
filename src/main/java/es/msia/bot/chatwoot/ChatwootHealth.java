package es.msia.bot.chatwoot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;

import es.msia.bot.shared.CachedProbe;
import es.msia.bot.shared.Reachability;
import org.springframework.stereotype.Service;

/**
 * Whether the configured Chatwoot answers, for the panel's Sistema page: {@code GET .../accounts/{id}/inboxes}
 * with the user token (an agent-bot token is refused there, which still proves Chatwoot is reachable and shows
 * as "refused"), a short timeout, the result cached for half a minute.
 */
@Service
public class ChatwootHealth {

	private final ChatwootSettings settings;

	private final CachedProbe cache = new CachedProbe(Clock.systemUTC());

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(CachedProbe.TIMEOUT).build();

	ChatwootHealth(ChatwootSettings settings) {
		this.settings = settings;
	}

	public Reachability check() {
		String token = settings.effectiveUserToken();
		return cache.check(settings.apiUrl() + "|" + settings.accountId() + "|" + token.hashCode(), this::probe);
	}

	private Reachability probe(Instant now) {
		if (!settings.configured() || settings.effectiveUserToken().isBlank()) {
			return Reachability.notConfigured(now);
		}
		try {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create(settings.apiUrl().replaceAll("/+$", "") + "/api/v1/accounts/"
						+ settings.accountId() + "/inboxes"))
				.header("api_access_token", settings.effectiveUserToken())
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
