package es.msia.bot.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import es.msia.bot.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security headers on both ports: CSP, frame options, nosniff, referrer policy on every answer; HSTS only
 * on requests that came over TLS, which behind the proxy means {@code X-Forwarded-Proto: https}. The
 * panel's templates keep to what its CSP allows (no inline script, no style attribute, no hx-on).
 */
class SecurityHeadersIT extends IntegrationTest {

	final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void hardensEveryApiAnswer() {
		for (String path : List.of("/api/catalog/categories", "/actuator/health", "/actuator/prometheus",
				"/api/chatwoot/webhook?token=wrong")) {
			HttpHeaders headers = fetch(ports.apiPort(), path, false).headers();
			assertCommon(headers, path);
			assertThat(headers.firstValue("Content-Security-Policy")).as(path)
				.hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'",
						"object-src 'none'"));
			assertThat(headers.firstValue("Strict-Transport-Security")).as(path + " over plain HTTP").isEmpty();
		}
		// A panel path on the API port is refused before Spring Security runs, with the same headers.
		HttpResponse<String> refused = fetch(ports.apiPort(), "/conversations", false);
		assertThat(refused.statusCode()).isEqualTo(404);
		assertCommon(refused.headers(), "/conversations on the API port");
		assertThat(refused.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
		assertThat(fetch(ports.apiPort(), "/api/catalog/categories", true).headers()
			.firstValue("Strict-Transport-Security")).hasValueSatisfying(
					hsts -> assertThat(hsts).contains("max-age=31536000", "includeSubDomains"));
	}

	@Test
	void hardensEveryPanelAnswerWithAStrictPolicy() {
		for (String path : List.of("/login", "/", "/conversations", "/admin-static/admin.js")) {
			HttpHeaders headers = fetch(ports.adminPort(), path, false).headers();
			assertCommon(headers, path);
			assertThat(headers.firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp -> {
				assertThat(csp).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
						"frame-ancestors 'none'", "form-action 'self'");
				assertThat(csp).doesNotContain("unsafe-inline", "unsafe-eval");
			});
			assertThat(headers.firstValue("Strict-Transport-Security")).as(path + " over plain HTTP").isEmpty();
		}
		assertThat(fetch(ports.adminPort(), "/login", true).headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=31536000"));
	}

	@Test
	void panelTemplatesNeedNoInlineScriptOrStyle() throws IOException {
		Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bth:src=|[^>]*\\bsrc=)[^>]*>");
		Pattern forbidden = Pattern.compile("\\s(style|th:style|hx-on[:\\w-]*|on[a-z]+)=\"");
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				String html = Files.readString(file);
				assertThat(inlineScript.matcher(html).find()).as(file + " has an inline <script>").isFalse();
				assertThat(forbidden.matcher(html).find()).as(file + " has an inline style or handler").isFalse();
			}
		}
	}

	private static void assertCommon(HttpHeaders headers, String path) {
		assertThat(headers.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
		assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
		assertThat(headers.firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
	}

	private HttpResponse<String> fetch(int port, String path, boolean behindTls) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
		if (behindTls) {
			request.header("X-Forwarded-Proto", "https");
		}
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
