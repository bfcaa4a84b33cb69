package es.msia.bot.cases.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Downloads a customer's attachment from Chatwoot's {@code data_url}. Redirects are followed by hand so
 * that every hop is checked against the allowed hosts (Chatwoot's API host and its storage domain): a
 * webhook body is customer-influenced input, and an open fetcher would be a server-side request forgery.
 * Bodies larger than the limit are cut off while reading. Besides the hosts, a predicate may trust exact
 * links of this application's own (the panel simulator's file hand-over, see {@code cases.TrustedAttachmentSource}).
 */
public final class AttachmentDownloader {

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final Set<String> allowedHosts;

	private final long maxBytes;

	private final int maxRedirects;

	private final Predicate<URI> trustedLinks;

	public AttachmentDownloader(Set<String> allowedHosts, long maxBytes, int maxRedirects) {
		this(allowedHosts, maxBytes, maxRedirects, uri -> false);
	}

	public AttachmentDownloader(Set<String> allowedHosts, long maxBytes, int maxRedirects, Predicate<URI> trustedLinks) {
		this.allowedHosts = allowedHosts;
		this.maxBytes = maxBytes;
		this.maxRedirects = maxRedirects;
		this.trustedLinks = trustedLinks;
	}

	/** The file's bytes; {@link FileRefused} for a disallowed host, an oversize body or a failed download. */
	public byte[] download(String url) {
		URI uri = URI.create(url);
		for (int hop = 0; hop <= maxRedirects; hop++) {
			check(uri);
			HttpResponse<InputStream> response = send(uri);
			int status = response.statusCode();
			if (status >= 300 && status < 400) {
				String location = response.headers().firstValue("Location")
					.orElseThrow(() -> new FileRefused("host", "redirect without location"));
				close(response);
				uri = uri.resolve(location);
				continue;
			}
			if (status != 200) {
				close(response);
				throw new FileRefused("host", "HTTP " + status + " from " + uri.getHost());
			}
			return read(response);
		}
		throw new FileRefused("host", "too many redirects");
	}

	private void check(URI uri) {
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
		if (!(scheme.equals("http") || scheme.equals("https"))
				|| !(allowedHosts.contains(host) || trustedLinks.test(uri))) {
			throw new FileRefused("host", "host not allowed: " + host);
		}
	}

	private HttpResponse<InputStream> send(URI uri) {
		try {
			return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(),
					HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (IOException ex) {
			throw new FileRefused("host", ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FileRefused("host", "interrupted");
		}
	}

	private byte[] read(HttpResponse<InputStream> response) {
		long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
		if (declared > maxBytes) {
			close(response);
			throw new FileRefused("size", declared + " bytes");
		}
		try (InputStream in = response.body()) {
			byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
			if (bytes.length > maxBytes) {
				throw new FileRefused("size", "more than " + maxBytes + " bytes");
			}
			return bytes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void close(HttpResponse<InputStream> response) {
		try {
			response.body().close();
		}
		catch (IOException ignored) {
			// nothing to recover: the response is discarded either way
		}
	}

}
