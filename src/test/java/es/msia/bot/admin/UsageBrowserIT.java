package es.msia.bot.admin;

import java.math.BigDecimal;
import java.util.List;

import es.msia.bot.conversation.LlmChoice;
import es.msia.bot.conversation.LlmOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uso y costes and the Ajustes LLM card in a browser: the page shows the turns, tokens and euros per day,
 * conversation and expediente, calls per turn and the fallbacks by reason; a budget lowered below this
 * month's spend puts the warning on the dashboard and on the page, and the agent sees the new choice.
 */
class UsageBrowserIT extends BrowserTest {

	@Autowired
	LlmOptions options;

	@AfterEach
	void backToTheEnvironmentsChoice() {
		// The database is shared with the other tests: leave no budget override behind.
		options.reset("test");
	}

	@Test
	void showsCostsPerDayConversationAndExpedienteWithFallbacks() {
		long conversation = nextId();
		jdbc.sql("INSERT INTO conversations (id) VALUES (:id)").param("id", conversation).update();
		String reference = "MSI-USO-" + conversation;
		jdbc.sql("""
				INSERT INTO cases (reference, conversation_id, status, category, tier_code, tier_price, subtotal,
				                   catalog_version, quote, data)
				VALUES (:ref, :conv, 'resolved', 'motos-part', 'T3', 175, 175, 'test', '{}'::jsonb, CAST(:data AS jsonb))""")
			.param("data", """
					{"items":[],"personal":{},"vehicle":{},"workshopMode":null,"workshop":{},"slotsDone":[],"personalKnown":false}""")
			.param("ref", reference)
			.param("conv", conversation)
			.update();
		try {
			showsTheTurnsOf(conversation, reference);
		}
		finally {
			// The database is shared with the other tests: no hand-made case or cost stays behind.
			jdbc.sql("DELETE FROM cases WHERE conversation_id = :c").param("c", conversation).update();
			jdbc.sql("DELETE FROM llm_calls WHERE conversation_id = :c").param("c", conversation).update();
			jdbc.sql("DELETE FROM conversations WHERE id = :c").param("c", conversation).update();
		}
	}

	private void showsTheTurnsOf(long conversation, String reference) {
		turn(conversation, "used", 2, null, "0.0500");
		turn(conversation, "used", 1, null, "0.0300");
		turn(conversation, "failed", 3, "unavailable", "0");
		turn(conversation, "skipped", 0, "budget", "0");

		login(user("admin"));
		open("/usage");

		String page = browser.findElement(By.tagName("main")).getText();
		assertThat(page).contains("Uso y costes del LLM", "Coste por día", "Presupuesto mensual agotado",
				"LLM no disponible (caído, lento o limitado)");
		WebElement row = browser.findElement(By.xpath("//table[@id='usage-conversations']//a[text()='#" + conversation + "']/../.."));
		// 4 turns, 6 calls, 0.08 USD at 0.92 = 0.0736 €, 2 turns answered offline.
		assertThat(row.getText()).contains("4 6", "0,0736 €").endsWith("2");
		WebElement caseRow = browser.findElement(By.xpath("//table[@id='usage-cases']//a[text()='" + reference + "']/../.."));
		assertThat(caseRow.getText()).contains("0,0736 €");
		assertThat(browser.findElements(By.cssSelector("#usage-days tbody tr"))).isNotEmpty();
		assertThat(browser.findElements(By.cssSelector(".chart svg rect"))).hasSize(30);
		assertThat(browser.findElement(By.id("usage-calls-per-turn")).getText()).matches("\\d+,\\d\\d");
		assertThat(browser.findElement(By.id("usage-max-prompt")).getText()).matches("máx\\. \\d+ \\(objetivo ≤ 2500\\)");
		assertThat(browser.findElement(By.cssSelector("nav a.active")).getText()).isEqualTo("Uso y costes");
		shoot("usage");

		String link = browser.findElement(By.xpath("//table[@id='usage-conversations']//a[text()='#" + conversation + "']"))
			.getAttribute("href");
		assertThat(link).endsWith("/conversations/" + conversation);
		browser.navigate().to(link);
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains(String.valueOf(conversation));
	}

	@Test
	void lowersTheBudgetAtRuntimeAndWarnsStaffOnceItIsSpent() {
		login(user("admin"));
		open("/");
		assertThat(browser.findElements(By.id("llm-budget-warning"))).isEmpty();
		assertThat(browser.findElement(By.id("llm-month-cost")).getText()).contains("Coste del LLM este mes", "de 20,00 €");

		open("/settings");
		WebElement card = browser.findElement(By.id("settings-llm"));
		assertThat(card.getText()).contains("Modelo", "Presupuesto mensual (€)", "Por defecto: openai/gpt-4o-mini");
		set("llm-model", "anthropic/claude-3.5-haiku");
		set("llm-fallbacks", "openai/gpt-4o-mini, google/gemini-2.0-flash-001");
		set("llm-budget", "0");
		clickCentred(By.id("llm-save"));

		wait.until(d -> d.getPageSource().contains("Ajustes del LLM guardados"));
		assertThat(options.current()).isEqualTo(new LlmChoice("anthropic/claude-3.5-haiku",
				List.of("openai/gpt-4o-mini", "google/gemini-2.0-flash-001"), BigDecimal.ZERO));
		assertThat(browser.findElement(By.id("llm-last-change")).getText()).contains("panel:admin-");
		assertThat(browser.findElement(By.id("llm-budget-state")).getText()).contains("Agotado");
		assertThat(jdbc.sql("SELECT updated_by FROM settings WHERE key = 'llm'").query(String.class).single())
			.startsWith("panel:admin-");
		shoot("settings-llm");

		open("/");
		assertThat(browser.findElement(By.id("llm-budget-warning")).getText()).contains("Presupuesto mensual del LLM agotado",
				"de 0,00 €");
		open("/usage");
		assertThat(browser.findElement(By.id("llm-budget-warning")).isDisplayed()).isTrue();

		open("/settings");
		set("llm-budget", "-3");
		clickCentred(By.id("llm-save"));
		wait.until(d -> d.getPageSource().contains("El presupuesto debe ser un importe"));
		assertThat(options.current().monthlyBudgetEur()).isEqualByComparingTo("0");
	}

	@Test
	void onlyAdminsSeeCostsAndChangeTheModelWithACsrfToken() {
		PanelClient staff = new PanelClient(ports.adminPort());
		staff.login(user("staff"), PASSWORD);

		assertThat(staff.get("/usage").statusCode()).isEqualTo(403);
		staff.get("/conversations");
		assertThat(staff.post("/settings/llm", "model=x%2Fy&monthlyBudgetEur=1000").statusCode()).isEqualTo(403);
		assertThat(options.current().monthlyBudgetEur()).isEqualByComparingTo(options.defaults().monthlyBudgetEur());

		PanelClient admin = new PanelClient(ports.adminPort());
		admin.login(user("admin"), PASSWORD);
		admin.get("/settings");
		assertThat(admin.postRaw("/settings/llm", "model=x%2Fy&monthlyBudgetEur=0").statusCode()).isEqualTo(403);
		assertThat(admin.post("/settings/llm", "model=x%2Fy&monthlyBudgetEur=7").statusCode()).isEqualTo(302);
		assertThat(options.current().model()).isEqualTo("x/y");
		assertThat(new PanelClient(ports.adminPort()).get("/usage").statusCode()).isEqualTo(302);
	}

	private void set(String id, String value) {
		WebElement input = browser.findElement(By.id(id));
		input.clear();
		input.sendKeys(value);
	}

	private void turn(long conversation, String outcome, int attempts, String reason, String costUsd) {
		jdbc.sql("""
				INSERT INTO llm_calls (conversation_id, model, prompt_tokens, completion_tokens, cost_usd, latency_ms,
				                       outcome, attempts, fallback_reason)
				VALUES (:c, 'openai/gpt-4o-mini', :p, :t, :cost, 900, :outcome, :attempts, :reason)""")
			.param("c", conversation)
			.param("p", "used".equals(outcome) ? 1200 : 0)
			.param("t", "used".equals(outcome) ? 25 : 0)
			.param("cost", new BigDecimal(costUsd))
			.param("outcome", outcome)
			.param("attempts", attempts)
			.param("reason", reason, java.sql.Types.VARCHAR)
			.update();
	}

}
