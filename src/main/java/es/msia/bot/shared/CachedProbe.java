package es.msia.bot.shared;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
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

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

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

	/**
	 * Sends {@code GET uri} with one credential header and keeps only the status: any HTTP answer proves the
	 * service is reachable, and 401/403 show the credential is refused.
	 */
	public Reachability get(String uri, String header, String credential, Instant now) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).header(header, credential).timeout(TIMEOUT).GET().build();
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
