package es.msia.bot.admin;

import java.net.http.HttpResponse;
import java.util.List;

import es.msia.bot.customers.CustomerId;
import es.msia.bot.customers.Customers;
import es.msia.bot.shared.PhoneNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may open which panel page, enforced by the server: anonymous visitors go to the login page, staff
 * get 403 on admin pages, forms without the CSRF token are refused, and five wrong passwords lock the
 * account for fifteen minutes, all written to the access log.
 */
class PanelSecurityIT extends PanelTest {

	static final List<String> STAFF_PAGES = List.of("/conversations", "/conversations?owner=HUMAN&escalated=true",
			"/escalations", "/customers", "/customers?q=612", "/simulator", "/search?q=maria", "/cases",
			"/cases?status=pending_review&q=MSI");

	/** Case pages and files that need a login before they say whether the case exists. */
	static final List<String> CASE_RESOURCES = List.of("/cases/1", "/cases/1/files/1", "/cases/1/files/1?download=true",
			"/cases/1/files.zip", "/cases/1/dossier.pdf");

	static final List<String> ADMIN_PAGES = List.of("/catalog", "/catalog/audit", "/catalog/motos-part", "/settings", "/usage",
			"/system");

	@Autowired
	Customers customers;

	String staff;

	String admin;

	@BeforeEach
	void users() {
		staff = user("staff");
		admin = user("admin");
	}

	@Test
	void sendsAnonymousVisitorsOfEveryPageToTheLoginPage() {
		PanelClient anonymous = panel();
		for (String page : concat(List.of("/"), STAFF_PAGES, ADMIN_PAGES, CASE_RESOURCES)) {
			HttpResponse<String> response = anonymous.get(page);
			assertThat(response.statusCode()).as(page).isEqualTo(302);
			assertThat(response.headers().firstValue("Location")).as(page)
				.hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		}
	}

	@Test
	void letsStaffIntoTheServicePagesOnly() {
		PanelClient panel = panel();
		assertThat(panel.login(staff, PASSWORD).statusCode()).isEqualTo(302);

		for (String page : STAFF_PAGES) {
			assertThat(panel.get(page).statusCode()).as(page).isEqualTo(200);
		}
		for (String page : ADMIN_PAGES) {
			assertThat(panel.get(page).statusCode()).as(page).isEqualTo(403);
		}
		assertThat(panel.post("/settings/agent", "enabled=false").statusCode()).isEqualTo(403);
		assertThat(panel.post("/catalog/motos-part/tiers/T1/price", "price=1").statusCode()).isEqualTo(403);
		HttpResponse<String> home = panel.get("/");
		assertThat(home.statusCode()).isEqualTo(302);
		assertThat(home.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/conversations"));
		assertThat(panel.get("/conversations").body()).doesNotContain("href=\"/catalog\"").doesNotContain("href=\"/system\"");
	}

	@Test
	void letsAdminsEverywhere() {
		PanelClient panel = panel();
		panel.login(admin, PASSWORD);

		for (String page : concat(List.of("/"), STAFF_PAGES, ADMIN_PAGES)) {
			assertThat(panel.get(page).statusCode()).as(page).isEqualTo(200);
		}
		assertThat(panel.get("/").body()).contains("Conversaciones hoy").contains("<svg");
	}

	@Test
	void refusesFormsWithoutTheCsrfToken() {
		PanelClient panel = panel();
		panel.login(admin, PASSWORD);
		panel.get("/settings");

		assertThat(panel.postRaw("/settings/agent", "enabled=true").statusCode()).isEqualTo(403);
		assertThat(panel.postRaw("/conversations/1/take", "").statusCode()).isEqualTo(403);
		assertThat(panel.postRaw("/cases/1/status", "status=in_progress&note=x").statusCode()).isEqualTo(403);
		assertThat(panel.postRaw("/cases/1/files/1/review", "valid=true").statusCode()).isEqualTo(403);
		assertThat(panel.postRaw("/simulator/start", "name=A&phone=%2B34600000001&clientType=particular").statusCode())
			.isEqualTo(403);
	}

	@Test
	void locksTheAccountAfterFiveWrongPasswordsAndLogsAccess() {
		PanelClient panel = panel();
		for (int i = 0; i < 5; i++) {
			assertThat(panel.login(staff, "mal-" + i).headers().firstValue("Location"))
				.hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
		}

		HttpResponse<String> right = panel.login(staff, PASSWORD);
		assertThat(right.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?locked"));
		assertThat(panel.get("/login?locked").body()).contains("bloqueada 15 minutos");
		assertThat(panel.get("/conversations").statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT event FROM admin_access_log WHERE username = :u ORDER BY id")
			.param("u", staff)
			.query(String.class)
			.list()).containsExactly("login_failed", "login_failed", "login_failed", "login_failed", "login_failed",
					"locked");

		// Fifteen minutes later the account opens again.
		jdbc.sql("UPDATE admin_access_log SET at = at - interval '16 minutes' WHERE username = :u")
			.param("u", staff)
			.update();
		assertThat(panel.login(staff, PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/"));
	}

	@Test
	void aSuccessfulLoginClearsEarlierFailures() {
		PanelClient panel = panel();
		for (int i = 0; i < 4; i++) {
			panel.login(staff, "mal");
		}
		panel.login(staff, PASSWORD);
		panel.get("/conversations");
		assertThat(panel.post("/logout", "").headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
		for (int i = 0; i < 4; i++) {
			panel.login(staff, "mal");
		}

		assertThat(panel.login(staff, PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/"));
		assertThat(jdbc.sql("SELECT count(*) FROM admin_access_log WHERE username = :u AND event = 'logout'")
			.param("u", staff)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void answersHtmxRequestsWithTheFragmentAndBrowsersWithThePage() {
		PanelClient panel = panel();
		panel.login(staff, PASSWORD);

		for (String list : List.of("/conversations?owner=BOT", "/customers?q=34")) {
			HttpResponse<String> fragment = panel.getHtmx(list);
			assertThat(fragment.statusCode()).as(list).isEqualTo(200);
			assertThat(fragment.body().strip()).as(list).startsWith("<div").contains("-table\"").doesNotContain("<nav");
			assertThat(panel.get(list).body()).as(list).contains("<nav").contains("-table\"");
		}
	}

	@Test
	void exportsACustomersDataToAdminsOnly() {
		CustomerId id = customers.upsert(new PhoneNumber("+3460" + (1_000_000 + System.nanoTime() % 8_999_999)),
				"Lucía Exportada", null);
		PanelClient staffPanel = panel();
		staffPanel.login(staff, PASSWORD);
		assertThat(staffPanel.get("/customers/" + id.value() + "/export").statusCode()).isEqualTo(403);
		assertThat(staffPanel.get("/customers/" + id.value()).body()).doesNotContain("/export");

		PanelClient adminPanel = panel();
		adminPanel.login(admin, PASSWORD);
		HttpResponse<String> export = adminPanel.get("/customers/" + id.value() + "/export");
		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				h -> assertThat(h).startsWith("attachment").contains("cliente-" + id.value() + ".json"));
		assertThat(export.body()).contains("\"name\" : \"Lucía Exportada\"").contains("\"conversations\" : [ ]");
	}

	@SafeVarargs
	private static List<String> concat(List<String>... lists) {
		return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
	}

}
