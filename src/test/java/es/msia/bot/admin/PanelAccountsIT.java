package es.msia.bot.admin;

import java.util.List;
import java.util.UUID;

import es.msia.bot.admin.security.PanelAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Usuarios del panel and Mi cuenta: admins create accounts, deactivate and reactivate them (a deactivated
 * account can neither log in nor keep its session), change roles and reset passwords, never against
 * themselves and never leaving the panel without an active admin; everyone changes their own password.
 * Every change is in the access log.
 */
class PanelAccountsIT extends PanelTest {

	@Autowired
	PanelAccounts accounts;

	@Test
	void adminsCreateDeactivateReactivateAndPromoteAccounts() {
		String admin = user("admin");
		PanelClient panel = panel();
		panel.login(admin, PASSWORD);
		String name = "ana-" + UUID.randomUUID().toString().substring(0, 6);

		panel.get("/users");
		assertThat(panel.post("/users", "username=a&role=staff&password=" + PanelClient.enc(PASSWORD)).body())
			.contains("El usuario debe tener de 3 a 64 caracteres").contains("id=\"create-error\"");
		assertThat(panel.post("/users", "username=" + name + "&role=staff&password=corta").body())
			.contains("al menos 12 caracteres").contains("value=\"" + name + "\"");
		assertThat(panel.post("/users", "username=" + name + "&role=staff&password=" + PanelClient.enc(PASSWORD))
			.statusCode()).isEqualTo(302);
		assertThat(panel.get("/users").body()).contains("Usuario creado.").contains("id=\"user-" + name + "\"");
		assertThat(panel.post("/users", "username=" + name + "&role=staff&password=" + PanelClient.enc(PASSWORD)).body())
			.contains("Ya existe un usuario con ese nombre");
		assertThat(jdbc.sql("SELECT password_hash FROM admin_users WHERE username = :u").param("u", name)
			.query(String.class).single()).startsWith("$2").doesNotContain(PASSWORD);

		PanelClient ana = panel();
		assertThat(ana.login(name, PASSWORD).headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
		assertThat(ana.get("/conversations").statusCode()).isEqualTo(200);
		assertThat(ana.get("/users").statusCode()).isEqualTo(403);

		panel.get("/users");
		panel.post("/users/" + name + "/enabled", "enabled=false");
		assertThat(panel.get("/users").body()).contains("Usuario actualizado.").contains("Desactivado");
		// Her open session ends at her next request, and she cannot log in again.
		assertThat(ana.get("/conversations").headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?expired"));
		assertThat(ana.get("/login?expired").body()).contains("Tu sesión se ha cerrado");
		assertThat(ana.login(name, PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));

		panel.get("/users");
		panel.post("/users/" + name + "/enabled", "enabled=true");
		panel.get("/users");
		panel.post("/users/" + name + "/role", "role=admin");
		assertThat(ana.login(name, PASSWORD).headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
		assertThat(ana.get("/users").statusCode()).isEqualTo(200);

		panel.get("/users");
		panel.post("/users/" + name + "/password", "password=" + PanelClient.enc("otra-contraseña-más-larga"));
		assertThat(panel.get("/users").body()).contains("Contraseña restablecida.");
		assertThat(panel().login(name, PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
		assertThat(panel().login(name, "otra-contraseña-más-larga").headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/"));

		assertThat(jdbc.sql("SELECT event || ' ' || detail FROM admin_access_log WHERE username = :u AND detail IS NOT NULL ORDER BY id")
			.param("u", admin).query(String.class).list()).containsExactly("user_created " + name + " (staff)",
					"user_disabled " + name, "user_enabled " + name, "user_role " + name + " (admin)",
					"password_reset " + name);
	}

	@Test
	void nobodyDeactivatesOrDemotesThemselves() {
		String admin = user("admin");
		PanelClient panel = panel();
		panel.login(admin, PASSWORD);

		panel.get("/users");
		panel.post("/users/" + admin + "/enabled", "enabled=false");
		assertThat(panel.get("/users").body()).contains("No puedes desactivarte");
		panel.post("/users/" + admin + "/role", "role=staff");
		assertThat(panel.get("/users").body()).contains("No puedes desactivarte");
		assertThat(jdbc.sql("SELECT role || ' ' || enabled FROM admin_users WHERE username = :u").param("u", admin)
			.query(String.class).single()).isEqualTo("admin true");
		panel.post("/users/" + admin + "/password", "password=" + PanelClient.enc("otra-contraseña-más-larga"));
		assertThat(panel.get("/users").body()).contains("Cambia tu propia contraseña en «Mi cuenta»")
			.doesNotContain("id=\"deactivate-" + admin + "\"");
		assertThat(panel().login(admin, PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/"));
	}

	@Test
	void theLastActiveAdminStays() {
		String last = user("admin");
		List<String> others = jdbc.sql("SELECT username FROM admin_users WHERE role = 'admin' AND enabled AND username <> :u")
			.param("u", last).query(String.class).list();
		enable(others, false);
		try {
			assertThatThrownBy(() -> accounts.setEnabled("otra-persona", last, false)).isInstanceOf(PanelAccounts.Refused.class)
				.hasMessage("lastAdmin");
			assertThatThrownBy(() -> accounts.setRole("otra-persona", last, "staff")).hasMessage("lastAdmin");
			String second = user("admin");
			accounts.setRole("otra-persona", last, "staff");
			assertThatThrownBy(() -> accounts.setEnabled("otra-persona", second, false)).hasMessage("lastAdmin");
		}
		finally {
			enable(others, true);
		}
	}

	@Test
	void everyoneChangesTheirOwnPassword() {
		String staff = user("staff");
		PanelClient panel = panel();
		panel.login(staff, PASSWORD);

		assertThat(panel.get("/account").body()).contains("id=\"account-user\"").contains(staff).contains("Equipo");
		assertThat(panel.post("/account", "current=mala&password=nueva-contraseña-1&repeat=nueva-contraseña-1").body())
			.contains("La contraseña actual no es correcta");
		assertThat(panel.post("/account", "current=" + PanelClient.enc(PASSWORD)
				+ "&password=nueva-contraseña-1&repeat=nueva-contraseña-2").body()).contains("no coinciden");
		assertThat(panel.post("/account", "current=" + PanelClient.enc(PASSWORD) + "&password=corta&repeat=corta").body())
			.contains("al menos 12 caracteres");
		assertThat(panel.post("/account", "current=" + PanelClient.enc(PASSWORD)
				+ "&password=nueva-contraseña-1&repeat=nueva-contraseña-1").statusCode()).isEqualTo(302);
		assertThat(panel.get("/account").body()).contains("Contraseña cambiada.");

		assertThat(panel().login(staff, "nueva-contraseña-1").headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/"));
		assertThat(jdbc.sql("SELECT count(*) FROM admin_access_log WHERE username = :u AND event = 'password_changed'")
			.param("u", staff).query(Long.class).single()).isEqualTo(1);
	}

	private void enable(List<String> users, boolean enabled) {
		users.forEach(u -> jdbc.sql("UPDATE admin_users SET enabled = :e WHERE username = :u").param("e", enabled)
			.param("u", u).update());
	}

}
