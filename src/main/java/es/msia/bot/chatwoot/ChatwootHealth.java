package es.msia.bot.chatwoot;

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
		return cache.get(settings.apiUrl().replaceAll("/+$", "") + "/api/v1/accounts/" + settings.accountId() + "/inboxes",
				"api_access_token", settings.effectiveUserToken(), now);
	}

}
