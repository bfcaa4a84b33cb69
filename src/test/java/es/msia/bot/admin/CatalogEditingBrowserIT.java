package es.msia.bot.admin;

import java.awt.Color;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import es.msia.bot.catalog.Catalog;
import es.msia.bot.catalog.CatalogAdministration;
import es.msia.bot.catalog.ElementDefinition;
import es.msia.bot.messaging.MessagingSettings;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: an admin edits a catalogue element (a broken field list is shown next to its box,
 * then saved), uploads an example image, changes a price and reverts it from the audit log; and the
 * system page offers failed messages for retry.
 */
class CatalogEditingBrowserIT extends BrowserTest {

	@Autowired
	Catalog catalog;

	@Autowired
	CatalogAdministration administration;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	MessagingSettings messaging;

	@Test
	void editsAnElementAndRevertsAPriceFromTheAuditLog() throws Exception {
		ElementDefinition original = catalog.category("motos-part").orElseThrow().element("ESCAPE").orElseThrow();
		BigDecimal price = tierPrice("T6");
		String admin = user("admin");
		try {
			login(admin);
			open("/catalog/motos-part");
			clickCentred(By.id("element-ESCAPE"));
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("element-form")));
			WebElement name = browser.findElement(By.id("el-name"));
			name.clear();
			name.sendKeys("Escape deportivo");
			WebElement fields = browser.findElement(By.id("el-fields"));
			String json = fields.getAttribute("value");
			setValue(fields, "[{\"key\": ");
			jsClick(By.id("element-save"));
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("el-fields-error"), "JSON no válido"));
			assertThat(catalog.category("motos-part").orElseThrow().element("ESCAPE").orElseThrow().nameEs())
				.isEqualTo(original.nameEs());

			setValue(browser.findElement(By.id("el-fields")), json);
			setValue(browser.findElement(By.id("el-warnings")),
					"ESCAPE_HOMOLOGACION | warning | Si el escape no está homologado, hace falta ensayo de ruido.");
			jsClick(By.id("element-save"));
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("element-saved")));
			assertThat(catalog.category("motos-part").orElseThrow().element("ESCAPE").orElseThrow().nameEs())
				.isEqualTo("Escape deportivo");

			Path image = Files.createTempFile("ejemplo", ".jpg");
			Files.write(image, photo(Color.DARK_GRAY));
			browser.findElement(By.id("image-file")).sendKeys(image.toAbsolutePath().toString());
			jsClick(By.id("image-submit"));
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Imagen subida"));
			assertThat(browser.findElements(By.cssSelector("#element-images img"))).hasSize(original.exampleImages().size() + 1);
			// The preview is served by the panel itself, behind its login.
			wait.until(d -> ((Number) ((ChromeDriver) d).executeScript(
					"var i = document.querySelectorAll('#element-images img'); return i[i.length - 1].naturalWidth")).intValue() > 0);
			shoot("catalog-element");

			open("/catalog/motos-part");
			WebElement input = browser.findElement(By.id("price-input-T6"));
			input.clear();
			input.sendKeys("159");
			input.submit();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Precio guardado"));
			assertThat(tierPrice("T6")).isEqualByComparingTo("159");
			long change = jdbc.sql("SELECT max(id) FROM catalog_audit WHERE changed_by = :u AND row_key = 'motos-part/T6'")
				.param("u", admin)
				.query(Long.class)
				.single();

			open("/catalog/audit");
			clickCentred(By.id("revert-" + change));
			wait.until(ExpectedConditions.alertIsPresent()).accept();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Cambio revertido"));
			assertThat(tierPrice("T6")).isEqualByComparingTo(price);
			assertThat(browser.findElement(By.id("audit")).getText()).contains(admin);
			shoot("catalog-audit-revert");
		}
		finally {
			administration.updateElement("restore", "motos-part", original);
			if (tierPrice("T6").compareTo(price) != 0) {
				administration.setTierPrice("restore", "motos-part", "T6", price);
			}
		}
	}

	@Test
	void offersFailedMessagesForRetry() {
		String id = redis.opsForStream()
			.add(MapRecord.create(messaging.deadLetterStream(), Map.of("original_id", "1700000000000-0", "payload",
					"{\"content\": \"mensaje de ejemplo\"", "reason", "failed 5 times")))
			.getValue();
		login(user("admin"));
		open("/system");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dead-" + id)));
		shoot("system-deadletters");

		clickCentred(By.cssSelector("[id='dead-" + id + "'] button.retry"));
		wait.until(ExpectedConditions.alertIsPresent()).accept();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Mensaje devuelto"));
		assertThat(browser.findElements(By.id("dead-" + id))).isEmpty();
	}

	// The element form is long; a script click is not hit by whatever covers the button's point.
	private void jsClick(By locator) {
		((ChromeDriver) browser).executeScript("arguments[0].click()", browser.findElement(locator));
	}

	private void setValue(WebElement element, String value) {
		((ChromeDriver) browser).executeScript("arguments[0].value = arguments[1]", element, value);
	}

	private BigDecimal tierPrice(String code) {
		return catalog.tiers("motos-part").stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow().price();
	}

}
