package es.msia.bot.admin;

import java.util.List;

import es.msia.bot.cases.CaseManagement;
import es.msia.bot.cases.OpenCase;
import es.msia.bot.catalog.Catalog;
import es.msia.bot.catalog.ClientType;
import es.msia.bot.catalog.Quote;
import es.msia.bot.catalog.VehicleType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a browser: the case and LLM-cost figures beside the conversation ones, cases opened per day
 * in the daily chart, handoffs by reason and cost per day, all drawn as SVG on the server.
 */
class DashboardBrowserIT extends BrowserTest {

	@Autowired
	Catalog catalog;

	@Autowired
	CaseManagement cases;

	@Test
	void showsCasesHandoffsByReasonAndCostPerDay() {
		long conversation = nextId();
		jdbc.sql("INSERT INTO conversations (id) VALUES (:id)").param("id", conversation).update();
		Quote quote = (Quote) catalog.quoteCodes(ClientType.PARTICULAR, VehicleType.MOTO, List.of("ESCAPE"));
		cases.open(new OpenCase(conversation, null, quote));
		for (int i = 0; i < 3; i++) {
			jdbc.sql("INSERT INTO escalations (conversation_id, reason, context_pack, status) VALUES (:c, 'NO_TARIFF', '', 'resolved')")
				.param("c", nextId())
				.update();
		}
		long noTariff = jdbc.sql("""
				SELECT count(*) FROM escalations WHERE reason = 'NO_TARIFF'
				AND created_at >= now() - interval '30 days' AND conversation_id < 900000000000""").query(Long.class).single();

		login(user("admin"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("handoff-reasons")));
		String page = browser.findElement(By.tagName("main")).getText();
		assertThat(page).contains("Expedientes abiertos", "Expedientes enviados", "Expedientes en revisión",
				"Escalados pendientes", "Coste LLM este mes", "Presupuestos este mes", "Conversaciones hoy");
		assertThat(browser.findElements(By.cssSelector("#chart-title + p + .chart rect[fill='#fd7e14']"))).hasSize(30);

		WebElement bar = browser.findElement(By.cssSelector("#handoff-reasons g[data-reason='NO_TARIFF']"));
		assertThat(bar.getText()).contains("Sin tarifa", Long.toString(noTariff));
		assertThat(browser.findElements(By.cssSelector("#handoff-reasons .reason-bar"))).hasSize(6);
		assertThat(browser.findElements(By.cssSelector("#dashboard-cost svg rect"))).hasSize(30);
		shoot("dashboard-charts");
	}

}
