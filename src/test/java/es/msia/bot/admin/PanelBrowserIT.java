package es.msia.bot.admin;

import java.awt.Color;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

import es.msia.bot.cases.CaseManagement;
import es.msia.bot.cases.IncomingFile;
import es.msia.bot.cases.OpenCase;
import es.msia.bot.catalog.Catalog;
import es.msia.bot.catalog.CatalogAdministration;
import es.msia.bot.catalog.ClientType;
import es.msia.bot.catalog.Quote;
import es.msia.bot.catalog.VehicleType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The panel in a real browser (Debian's chromium through chromedriver, headless): login and lockout, a
 * simulated conversation that gets a quote, a catalogue price edit that changes the simulator's next
 * quote and shows in the audit log, taking a conversation over and handing it back, rejecting a case photo in
 * the expediente gallery and opening it in the viewer. Each page is saved
 * under {@code target/screenshots/} at desktop and phone widths.
 */
class PanelBrowserIT extends BrowserTest {

	@Autowired
	Catalog catalog;

	@Autowired
	CatalogAdministration administration;

	@Autowired
	CaseManagement cases;

	BigDecimal originalT5;

	@BeforeEach
	void rememberPrice() {
		originalT5 = catalog.tiers("motos-part").stream().filter(t -> t.code().equals("T5")).findFirst().orElseThrow()
			.price();
	}

	@AfterEach
	void restorePrice() {
		// Other tests of this JVM share the database and expect the published prices.
		administration.setTierPrice("test", "motos-part", "T5", originalT5);
	}

	@Test
	void logsInAndLocksTheAccountAfterFiveWrongPasswords() {
		String user = user("staff");
		open("/login");
		shoot("login");
		for (int i = 0; i < 5; i++) {
			submitLogin(user, "mal-" + i);
			wait.until(ExpectedConditions.urlContains("/login?error"));
		}
		submitLogin(user, PASSWORD);
		wait.until(ExpectedConditions.urlContains("/login?locked"));
		assertThat(browser.getPageSource()).contains("bloqueada 15 minutos");
		shoot("login-locked");

		String other = user("staff");
		login(other);
		wait.until(ExpectedConditions.urlContains("/conversations"));
		assertThat(browser.findElement(By.tagName("nav")).getText()).contains("Simulador").doesNotContain("Catálogo");
	}

	@Test
	void simulatorConversationGetsAQuoteAndAPriceEditChangesTheNextOne() {
		login(user("admin"));
		wait.until(ExpectedConditions.urlToBe(url("/")));
		shoot("dashboard");

		String first = simulate("Hola! quiero homologar un escape y el manillar");
		assertThat(first).contains("211,75");
		shoot("simulator");
		// The state panel is re-rendered by htmx polling: wait for the text rather than holding an element
		// that the next refresh may replace (StaleElementReferenceException).
		wait.until(ExpectedConditions.textToBe(By.id("state-phase"), "Presupuestada"));

		open("/catalog");
		shoot("catalog");
		open("/catalog/motos-part");
		WebElement price = browser.findElement(By.id("price-input-T5"));
		price.clear();
		price.sendKeys("190");
		browser.findElement(By.cssSelector("#price-T5 button")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "Precio guardado"));
		shoot("catalog-category");

		browser.findElement(By.id("try-text")).sendKeys("escape y manillar");
		browser.findElement(By.id("try-submit")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("try-result"), "229,90"));
		shoot("catalog-try");

		open("/simulator");
		browser.findElement(By.cssSelector("form[action$='/simulator/reset'] button")).click();
		String second = simulate("Hola! quiero homologar un escape y el manillar");
		assertThat(second).contains("229,90");

		open("/catalog/audit");
		String audit = browser.findElement(By.id("audit")).getText();
		assertThat(audit).contains("T5").contains("update");
		shoot("catalog-audit");
	}

	@Test
	void takesAConversationOverAndHandsItBack() {
		login(user("staff"));
		wait.until(ExpectedConditions.urlContains("/conversations"));
		simulate("Hola! quiero homologar un escape");
		browser.findElement(By.linkText("Ver en conversaciones")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("take")));
		shoot("conversation");
		String detail = browser.getCurrentUrl();

		browser.findElement(By.id("take")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("give-back")));
		assertThat(browser.findElement(By.id("state-owner")).getText()).isEqualTo("Persona");
		assertThat(browser.getPageSource()).contains("Has tomado la conversación");

		open("/escalations");
		assertThat(browser.getPageSource()).contains("Tomada por el personal");
		shoot("escalations");
		open("/conversations?owner=HUMAN");
		assertThat(browser.findElement(By.id("conversations-table")).getText()).contains(detail.replaceAll(".*/", ""));
		shoot("conversations");

		browser.navigate().to(detail);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("give-back"))).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("take")));
		assertThat(browser.findElement(By.id("state-owner")).getText()).isEqualTo("Bot");
		// Replies, the handoff note, labels and status changes of a simulated chat never reach Chatwoot.
		assertThat(chatwoot.requestsFor(Long.parseLong(detail.replaceAll(".*/", "")))).isZero();

		open("/customers");
		shoot("customers");
		browser.findElements(By.cssSelector("#customers-table a")).get(0).click();
		shoot("customer");
	}

	@Test
	void showsTheAdminPages() {
		login(user("admin"));
		wait.until(ExpectedConditions.urlToBe(url("/")));
		open("/settings");
		assertThat(browser.findElement(By.id("agent-state")).getText()).contains("encendido");
		shoot("settings");
		open("/system");
		assertThat(browser.getPageSource()).contains("Registro de accesos");
		shoot("system");
		open("/search?q=Cliente");
		shoot("search");
	}

	@Test
	void reviewsACaseFileInTheGallery() throws IOException {
		long conversation = nextId();
		// A case belongs to a conversation the webhook would have recorded; this one is opened directly.
		jdbc.sql("INSERT INTO conversations (id) VALUES (:id)").param("id", conversation).update();
		Quote quote = (Quote) catalog.quoteCodes(ClientType.PARTICULAR, VehicleType.MOTO, List.of("ESCAPE"));
		String reference = cases.open(new OpenCase(conversation, null, quote)).reference();
		cases.receive(conversation, nextId(), "", List.of(
				new IncomingFile(nextId(), chatwoot.serveFile(photo(new Color(40, 90, 160))), "image"),
				new IncomingFile(nextId(), chatwoot.serveFile(photo(new Color(170, 60, 40))), "image")));
		long fileId = cases.openCase(conversation).orElseThrow().files().get(0).id();

		login(user("staff"));
		wait.until(ExpectedConditions.urlContains("/conversations"));
		open("/cases?status=collecting");
		shoot("cases");
		browser.findElement(By.linkText(reference)).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-gallery")));
		wait.until(d -> (Boolean) ((ChromeDriver) d).executeScript(
				"return Array.from(document.querySelectorAll('.gallery-thumb')).every(i => i.complete && i.naturalWidth > 0)"));
		browser.findElement(By.id("reason-" + fileId)).sendKeys("Foto borrosa");
		clickCentred(By.cssSelector("#file-" + fileId + " button[value=false]"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("file-" + fileId), "Rechazado"));
		shoot("case");
		clickCentred(By.cssSelector("#file-" + fileId + " .viewer-open"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("viewer-image")));
		wait.until(d -> (Boolean) ((ChromeDriver) d).executeScript(
				"var i = document.getElementById('viewer-image'); return i.complete && i.naturalWidth > 0"));
		save("case-viewer-desktop");
	}

}
