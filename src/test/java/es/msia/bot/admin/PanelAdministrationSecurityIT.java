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
 * Who may use the users, account, knowledge, settings and GDPR routes: anonymous visitors go to the login
 * page, staff get 403 on everything but their own account, admins get in, and no form works without its
 * CSRF token.
 */
class PanelAdministrationSecurityIT extends PanelTest {

	/** Admin-only pages; {@code {id}} is a real customer. */
	static final List<String> ADMIN_PAGES = List.of("/users", "/knowledge", "/knowledge/new", "/knowledge/plazo",
			"/customers/{id}/erase", "/customers/{id}/export.zip");

	/** Admin-only forms, with a body that would otherwise be accepted. */
	static final List<String[]> ADMIN_FORMS = List.of(new String[] { "/users", "username=nuevo&role=staff&password=x" },
			new String[] { "/users/alguien/enabled", "enabled=false" }, new String[] { "/users/alguien/role", "role=admin" },
			new String[] { "/users/alguien/password", "password=otra-contraseña-larga" },
			new String[] { "/knowledge", "key=k&question=q&answer=a&keywords=k" },
			new String[] { "/knowledge/plazo", "question=q&answer=a&keywords=k" },
			new String[] { "/knowledge/plazo/delete", "" }, new String[] { "/customers/{id}/erase", "confirmation=x" },
			new String[] { "/settings/burst", "seconds=5" }, new String[] { "/settings/burst/reset", "" },
			new String[] { "/settings/hours", "days=MONDAY&slots=09:00-14:00" }, new String[] { "/settings/hours/reset", "" },
			new String[] { "/settings/texts", "open=x&closed=y&unknown=z" }, new String[] { "/settings/texts/reset", "" });

	@Autowired
	Customers customers;

	String staff;

	String admin;

	long customer;

	@BeforeEach
	void users() {
		staff = user("staff");
		admin = user("admin");
		CustomerId id = customers.upsert(new PhoneNumber("+3461" + (1_000_000 + System.nanoTime() % 8_999_999)),
				"Rosa Seguridad", null);
		customer = id.value();
	}

	@Test
	void sendsAnonymousVisitorsToTheLoginPage() {
		PanelClient anonymous = panel();
		for (String page : concat(ADMIN_PAGES, List.of("/account"))) {
			HttpResponse<String> response = anonymous.get(path(page));
			assertThat(response.statusCode()).as(page).isEqualTo(302);
			assertThat(response.headers().firstValue("Location")).as(page)
				.hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		}
	}

	@Test
	void letsStaffChangeOnlyTheirOwnPassword() {
		PanelClient panel = panel();
		panel.login(staff, PASSWORD);

		for (String page : ADMIN_PAGES) {
			assertThat(panel.get(path(page)).statusCode()).as(page).isEqualTo(403);
		}
		panel.get("/account");
		for (String[] form : ADMIN_FORMS) {
			assertThat(panel.post(path(form[0]), form[1]).statusCode()).as(form[0]).isEqualTo(403);
		}
		assertThat(panel.get("/account").statusCode()).isEqualTo(200);
		String detail = panel.get("/customers/" + customer).body();
		assertThat(detail).doesNotContain("/erase").doesNotContain("export.zip").contains("los hace un administrador");
		assertThat(panel.get("/conversations").body()).doesNotContain("href=\"/users\"").doesNotContain("href=\"/knowledge\"")
			.contains("href=\"/account\"");
		assertThat(count("SELECT count(*) FROM customers WHERE id = :id")).isEqualTo(1);
	}

	@Test
	void letsAdminsIn() {
		PanelClient panel = panel();
		panel.login(admin, PASSWORD);

		for (String page : concat(ADMIN_PAGES, List.of("/account", "/settings"))) {
			assertThat(panel.get(path(page)).statusCode()).as(page).isEqualTo(200);
		}
		String detail = panel.get("/customers/" + customer).body();
		assertThat(detail).contains("/customers/" + customer + "/erase").contains("/customers/" + customer + "/export.zip");
		assertThat(panel.get("/conversations").body()).contains("href=\"/users\"").contains("href=\"/knowledge\"");
	}

	@Test
	void refusesFormsWithoutTheCsrfToken() {
		PanelClient panel = panel();
		panel.login(admin, PASSWORD);
		panel.get("/users");

		for (String[] form : ADMIN_FORMS) {
			assertThat(panel.postRaw(path(form[0]), form[1]).statusCode()).as(form[0]).isEqualTo(403);
		}
		assertThat(panel.postRaw("/account", "current=x&password=y&repeat=y").statusCode()).isEqualTo(403);
		assertThat(count("SELECT count(*) FROM customers WHERE id = :id")).isEqualTo(1);
	}

	private long count(String sql) {
		return jdbc.sql(sql).param("id", customer).query(Long.class).single();
	}

	private String path(String template) {
		return template.replace("{id}", Long.toString(customer));
	}

	@SafeVarargs
	private static List<String> concat(List<String>... lists) {
		return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
	}

}
