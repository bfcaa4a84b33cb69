package es.msia.bot.admin;

import java.nio.file.Path;
import java.util.List;

import es.msia.bot.cases.files.FileStore;
import es.msia.bot.messaging.CheckpointStore;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administration pages in a real browser: a GDPR erasure from the customer's page (typed confirmation,
 * then nothing personal left: transcript, photo on disk, agent checkpoint), the users page with a
 * deactivation confirmed in the dialog, the own-account page, an FAQ answer edited and used at once by the
 * simulator, and the settings cards.
 */
class PanelAdministrationBrowserIT extends BrowserTest {

	@Autowired
	CheckpointStore checkpoints;

	@Autowired
	FileStore files;

	@Test
	void erasesACustomerFromTheirPage() {
		ChattingCustomer customer = new ChattingCustomer(chatwoot, ports.apiPort(), WEBHOOK_TOKEN, BrowserTest::nextId);
		customer.openCaseWithPhoto();
		long customerId = jdbc.sql("SELECT id FROM customers WHERE phone = :p").param("p", customer.phone)
			.query(Long.class).single();
		long caseId = jdbc.sql("SELECT id FROM cases WHERE conversation_id = :c").param("c", customer.conversation)
			.query(Long.class).single();
		Path photo = files.path(jdbc.sql("SELECT sha256 FROM case_files WHERE case_id = :c").param("c", caseId)
			.query(String.class).single());
		assertThat(photo).exists();
		assertThat(checkpoints.list(Long.toString(customer.conversation))).isNotEmpty();

		login(user("admin"));
		wait.until(ExpectedConditions.urlToBe(url("/")));
		open("/customers/" + customerId);
		press(By.id("gdpr-erase"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("erase-confirmation")));
		assertThat(browser.findElement(By.id("erase-kept")).getText()).contains("referencia, fechas, estado");
		shoot("customer-erase");

		browser.findElement(By.id("erase-confirmation")).sendKeys("+34600000000");
		press(By.id("erase-submit"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("erase-error")));
		assertThat(browser.findElement(By.id("erase-error")).getText()).contains("no coincide");
		assertThat(photo).exists();

		browser.findElement(By.id("erase-confirmation")).clear();
		browser.findElement(By.id("erase-confirmation")).sendKeys(customer.phone);
		press(By.id("erase-submit"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"),
				"Datos personales del cliente borrados"));
		assertThat(browser.getCurrentUrl()).endsWith("/customers");

		assertThat(photo).doesNotExist();
		assertThat(checkpoints.list(Long.toString(customer.conversation))).isEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM messages WHERE conversation_id = :c").param("c", customer.conversation)
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM customers WHERE id = :c").param("c", customerId).query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("SELECT status FROM cases WHERE id = :c").param("c", caseId).query(String.class).single())
			.isEqualTo("cancelled");
	}

	@Test
	void managesUsersKnowledgeAndSettings() {
		String admin = user("admin");
		String staff = user("staff");
		login(admin);
		wait.until(ExpectedConditions.urlToBe(url("/")));

		open("/users");
		browser.findElement(By.id("new-username")).sendKeys("nuevo-" + staff.substring(6));
		browser.findElement(By.id("new-password")).sendKeys("una-contraseña-nueva");
		press(By.id("user-create"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "Usuario creado"));
		press(By.id("deactivate-" + staff));
		wait.until(ExpectedConditions.alertIsPresent()).accept();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-" + staff), "Desactivado"));
		shoot("users");

		open("/account");
		assertThat(browser.findElement(By.id("account-user")).getText()).isEqualTo(admin);
		shoot("account");

		String word = "zorblax" + nextId();
		open("/knowledge/new");
		browser.findElement(By.id("faq-key")).sendKeys("prueba-" + word);
		browser.findElement(By.id("faq-question")).sendKeys("¿Qué es el " + word + "?");
		browser.findElement(By.id("faq-keywords")).sendKeys(word);
		press(By.id("faq-save"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#faq-answer.is-invalid")));
		browser.findElement(By.id("faq-answer")).sendKeys("El " + word + " se tramita en dos días.");
		press(By.id("faq-save"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "Entrada creada"));
		press(By.id("edit-prueba-" + word));
		browser.findElement(By.id("faq-answer")).clear();
		browser.findElement(By.id("faq-answer")).sendKeys("El " + word + " se tramita en un día.");
		press(By.id("faq-save"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "Entrada guardada"));
		shoot("knowledge");
		assertThat(simulate(word)).contains("El " + word + " se tramita en un día.");

		open("/settings");
		assertThat(browser.findElement(By.id("burst-seconds")).getAttribute("value")).isEqualTo("0");
		assertThat(browser.findElements(By.cssSelector("#hours-form input[name=days]:checked"))).hasSize(5);
		shoot("settings");
		List<String> cards = browser.findElements(By.cssSelector(".card h2")).stream().map(e -> e.getText()).toList();
		assertThat(cards).contains("Agrupación de mensajes", "Horario de atención y festivos",
				"Textos del paso a una persona");
	}

	/**
	 * Like {@link #clickCentred} but scrolls without Bootstrap's smooth scrolling, which can still be moving the
	 * page when the click lands.
	 */
	private void press(By locator) {
		org.openqa.selenium.WebElement element = browser.findElement(locator);
		((org.openqa.selenium.chrome.ChromeDriver) browser)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
		wait.until(ExpectedConditions.elementToBeClickable(element)).click();
	}

}
