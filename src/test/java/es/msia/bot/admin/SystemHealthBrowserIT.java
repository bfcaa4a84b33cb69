package es.msia.bot.admin;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sistema in a browser: Chatwoot probed for real (the fake answers the inboxes endpoint), OpenRouter not
 * configured in this context, the stream's lag and backlog, and recent failures without personal data.
 */
class SystemHealthBrowserIT extends BrowserTest {

	@Test
	void showsReachabilityLagAndRecentFailures() {
		long conversation = nextId();
		jdbc.sql("""
				INSERT INTO outbound_messages (idempotency_key, conversation_id, content, status, attempts, last_error)
				VALUES (:key, :c, 'Hola, su presupuesto', 'failed', 12, :error)""")
			.param("key", "health-" + conversation)
			.param("c", conversation)
			.param("error", "HTTP 422: {\"error\":\"contact +34600111222 blocked\"}")
			.update();
		jdbc.sql("""
				INSERT INTO llm_calls (conversation_id, model, outcome, attempts, fallback_reason)
				VALUES (:c, 'openai/gpt-4o-mini', 'failed', 3, 'unavailable')""")
			.param("c", conversation)
			.update();

		jdbc.sql("""
				INSERT INTO escalations (conversation_id, reason, context_pack, status, chatwoot_state, chatwoot_attempts,
				  chatwoot_error) VALUES (:c, 'STUCK', 'contexto', 'resolved', 'failed', 5, 'HTTP 401: no user token')""")
			.param("c", conversation)
			.update();

		login(user("admin"));
		wait.until(ExpectedConditions.urlToBe(url("/")));
		open("/system");
		assertThat(browser.findElement(By.id("health-chatwoot")).getAttribute("data-state")).isEqualTo("UP");
		assertThat(browser.findElement(By.id("health-chatwoot")).getText()).contains("Chatwoot", "Responde", "comprobado");
		assertThat(browser.findElement(By.id("health-openRouter")).getText()).contains("No configurado");
		assertThat(browser.findElement(By.id("stream-lag")).getText()).matches("\\d+ (s|min \\d+ s|h \\d+ min)");

		String failures = browser.findElement(By.id("recent-failures")).getText();
		assertThat(failures).contains("Envío a Chatwoot", "12 intentos: HTTP 422", "Turno del LLM",
				"unavailable · openai/gpt-4o-mini · 3 llamadas", "Escalado en Chatwoot", "5 intentos: HTTP 401: no user token");
		assertThat(failures).doesNotContain("600111222").doesNotContain("Hola, su presupuesto");
		shoot("system-health");
	}

}
