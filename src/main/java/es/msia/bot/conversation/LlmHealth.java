package es.msia.bot.conversation;

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
		return cache.get(settings.baseUrl().replaceAll("/+$", "") + "/key", "Authorization", "Bearer " + settings.apiKey(),
				now);
	}

}
