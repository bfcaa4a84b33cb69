package es.msia.bot.admin;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import es.msia.bot.messaging.MessagingSettings;
import es.msia.bot.support.ChatwootPayloads;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8's security suite, beyond what {@code WebhookSecurityIT} and {@code PanelSecurityIT} cover:
 * generated malformed webhook payloads, API admin endpoints without an admin, path traversal on the
 * static routes, injection-looking search input, and response headers.
 */
class ProductionSecurityIT extends PanelTest {

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	MessagingSettings messaging;

	@Test
	void survivesAThousandGeneratedMalformedPayloadsWithoutA5xxOrAStrayRecord() throws Exception {
		long customerRowsBefore = customerRows();
		long streamBefore = streamLength();
		int accepted = 0;
		List<String> failures = new ArrayList<>();
		Random random = new Random(8);
		for (int i = 0; i < 1000; i++) {
			String body = MalformedPayloads.generate(random, ChatwootPayloads.incomingText(nextId(), nextId(),
					"+3465" + String.format("%07d", i), "Hola").toString());
			HttpResponse<String> response = postWebhook("?token=" + WEBHOOK_TOKEN, body);
			if (response.statusCode() >= 500) {
				failures.add(response.statusCode() + " for " + body.substring(0, Math.min(200, body.length())));
			}
			accepted += response.body().contains("\"accepted\"") ? 1 : 0;
		}

		assertThat(failures).isEmpty();
		// Mutations that still form a valid customer message are accepted, as they should be; nothing else may be.
		assertThat(customerRows() - customerRowsBefore).isLessThanOrEqualTo(accepted);
		assertThat(streamLength() - streamBefore).isLessThanOrEqualTo(accepted);
	}

	@Test
	void refusesTheApiAdminEndpointsWithoutAnAdmin() throws Exception {
		String staff = user("staff");
		for (String path : List.of("/api/admin/catalog/categories", "/api/admin/anything")) {
			assertThat(fetch(ports.apiPort(), path, null).statusCode()).as(path).isEqualTo(401);
			assertThat(fetch(ports.apiPort(), path, basic("admin", "wrong-password")).statusCode()).as(path).isEqualTo(401);
			assertThat(fetch(ports.apiPort(), path, basic(staff, PASSWORD)).statusCode()).as(path).isIn(401, 403);
		}
	}

	@Test
	void servesNothingOutsideTheStaticFoldersWhateverThePathSays() throws Exception {
		List<String> paths = List.of("/webjars/..%2f..%2fapplication.yaml", "/webjars/../../application.yaml",
				"/admin-static/%2e%2e/%2e%2e/application.yaml", "/admin-static/..%5c..%5capplication.yaml",
				"/admin-static/....//....//etc/passwd", "/webjars/%252e%252e/%252e%252e/etc/passwd");
		for (int port : new int[] { ports.apiPort(), ports.adminPort() }) {
			for (String path : paths) {
				HttpResponse<String> response = fetch(port, path, null);
				assertThat(response.statusCode()).as(port + path).isNotEqualTo(200);
				assertThat(response.body()).as(port + path).doesNotContain("datasource").doesNotContain("root:");
			}
		}
	}

	@Test
	void treatsInjectionLookingSearchInputAsText() {
		PanelClient panel = new PanelClient(ports.adminPort());
		panel.login(user("staff"), PASSWORD);
		long customersBefore = jdbc.sql("SELECT count(*) FROM customers").query(Long.class).single();
		for (String q : List.of("' OR '1'='1", "'; DROP TABLE customers; --", "%' UNION SELECT password_hash FROM admin_users --",
				"\\'; SELECT pg_sleep(5); --")) {
			for (String page : List.of("/search?q=", "/customers?q=")) {
				HttpResponse<String> response = panel.get(page + PanelClient.enc(q));
				assertThat(response.statusCode()).as(page + q).isEqualTo(200);
				assertThat(response.body()).as(page + q).doesNotContain("$2a$").doesNotContain("SQLException");
			}
		}
		assertThat(jdbc.sql("SELECT count(*) FROM customers").query(Long.class).single()).isEqualTo(customersBefore);
	}

	@Test
	void sendsSecurityHeadersAndNoServerVersion() throws Exception {
		HttpResponse<String> login = fetch(ports.adminPort(), "/login", null);
		assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		for (int port : new int[] { ports.apiPort(), ports.adminPort() }) {
			for (String path : List.of("/api/ping", "/no-such-page", "/login")) {
				HttpResponse<String> response = fetch(port, path, null);
				assertThat(response.headers().firstValue("Server")).as(port + path).isEmpty();
				assertThat(response.headers().firstValue("X-Powered-By")).as(port + path).isEmpty();
				assertThat(response.body()).as(port + path).doesNotContainIgnoringCase("tomcat").doesNotContain("at es.msia");
			}
		}
		assertThat(fetch(ports.apiPort(), "/api/ping", null).headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
	}

	private long customerRows() {
		return jdbc.sql("SELECT count(*) FROM messages WHERE sender_kind = 'customer'").query(Long.class).single();
	}

	private long streamLength() {
		Long size = redis.opsForStream().size(messaging.stream());
		return size == null ? 0 : size;
	}

	private static String basic(String user, String password) {
		return "Basic " + java.util.Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	private HttpResponse<String> fetch(int port, String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
