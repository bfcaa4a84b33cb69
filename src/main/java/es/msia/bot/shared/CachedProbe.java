package es.msia.bot.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Keeps the last {@link Reachability} of a service for {@link #TTL}, so that reloading the Sistema page does not
 * send Chatwoot or OpenRouter a request each time. The probing itself (HTTP) stays in the module that talks to
 * the service; a changed {@code key} (URL or credentials) probes again at once.
 */
public final class CachedProbe {

	public static final Duration TTL = Duration.ofSeconds(30);

	/** Connect and answer timeout of a probe: a dead service must not hold the page. */
	public static final Duration TIMEOUT = Duration.ofSeconds(3);

	private final Clock clock;

	private @Nullable Reachability last;

	private String lastKey = "";

	public CachedProbe(Clock clock) {
		this.clock = clock;
	}

	public synchronized Reachability check(String key, Function<Instant, Reachability> probe) {
		Instant now = clock.instant();
		Reachability cached = last;
		if (cached != null && key.equals(lastKey) && cached.checkedAt().plus(TTL).isAfter(now)) {
			return cached;
		}
		Reachability fresh = probe.apply(now);
		last = fresh;
		lastKey = key;
		return fresh;
	}

}
