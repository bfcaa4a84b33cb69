package es.msia.bot.platform;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import es.msia.bot.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two surfaces of an all-roles process: API on one port (health, docs, webhook), the panel on the
 * other (login, dashboard), and neither answering the other's paths.
 */
class PlatformIT extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Test
	void healthIsUpAndCoversPostgresAndRedis() {
		HttpResponse<String> health = get(api("/actuator/health"));

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"db\"").contains("\"redis\"");
	}

	@Test
	void documentsTheApi() {
		assertThat(get(api("/docs")).statusCode()).isEqualTo(302);
		HttpResponse<String> openApi = get(api("/v3/api-docs"));
		assertThat(openApi.statusCode()).isEqualTo(200);
		assertThat(openApi.body()).contains("/api/chatwoot/webhook");
	}

	@Test
	void keepsThePanelOffTheApiPortAndTheApiOffThePanelPort() {
		assertThat(get(api("/login")).statusCode()).isEqualTo(404);
		assertThat(get(admin("/api/chatwoot/webhook")).statusCode()).isEqualTo(404);
		assertThat(get(admin("/v3/api-docs")).statusCode()).isEqualTo(404);
	}

	@Test
	void sendsAnonymousVisitorsToTheLoginPage() {
		HttpResponse<String> dashboard = get(admin("/"));

		assertThat(dashboard.statusCode()).isEqualTo(302);
		assertThat(dashboard.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		HttpResponse<String> login = get(admin("/login"));
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.body()).contains("Acceso del personal").contains("_csrf");
	}

	@Test
	void letsStaffLogInWithCsrfAndRefusesWrongPasswords() throws Exception {
		jdbc.sql("INSERT INTO admin_users (username, password_hash, role) VALUES ('ana', :h, 'staff') ON CONFLICT DO NOTHING")
			.param("h", encoder.encode("contraseña-de-ana"))
			.update();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		assertThat(login(browser, "ana", "mal").headers().firstValue("Location")).hasValueSatisfying(
				l -> assertThat(l).endsWith("/login?error"));
		HttpResponse<String> ok = login(browser, "ana", "contraseña-de-ana");
		assertThat(ok.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
		HttpResponse<String> home = browser.send(HttpRequest.newBuilder(URI.create(admin("/"))).build(),
				HttpResponse.BodyHandlers.ofString());
		// Staff land on the conversations; the dashboard is for admins.
		assertThat(home.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/conversations"));
		HttpResponse<String> conversations = browser.send(
				HttpRequest.newBuilder(URI.create(admin("/conversations"))).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(conversations.statusCode()).isEqualTo(200);
		assertThat(conversations.body()).contains("ana").contains("Conversaciones");
	}

	@Test
	void refusesALoginPostWithoutCsrfToken() throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(admin("/login")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=admin&password=x"))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void createsTheFirstAdminAtStartUp() {
		assertThat(jdbc.sql("SELECT role FROM admin_users WHERE username = 'admin'").query(String.class).single())
			.isEqualTo("admin");
	}

	private HttpResponse<String> login(HttpClient browser, String user, String password) throws Exception {
		String page = browser.send(HttpRequest.newBuilder(URI.create(admin("/login"))).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(csrf.find()).isTrue();
		String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
		return browser.send(HttpRequest.newBuilder(URI.create(admin("/login")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private String api(String path) {
		return "http://localhost:" + ports.apiPort() + path;
	}

	private String admin(String path) {
		return "http://localhost:" + ports.adminPort() + path;
	}

}
