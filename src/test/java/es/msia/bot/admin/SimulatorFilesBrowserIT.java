package es.msia.bot.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's file controls in a real browser: the example image the bot sends is drawn in the chat, a
 * photo chosen in the file input and an example image picked from the list reach the bot (shown as sent and
 * as attachment bubbles), and a file over the limit is stopped in the browser before it is uploaded.
 */
class SimulatorFilesBrowserIT extends BrowserTest {

	@Test
	void sendsAPhotoAndAnExampleImageFromTheSimulator() throws IOException {
		login(user("staff"));
		wait.until(ExpectedConditions.urlContains("/conversations"));
		simulate("quiero legalizar la matrícula");
		int bot = bubbles("bot");
		browser.findElement(By.id("sim-message")).sendKeys("¿me mandas fotos de ejemplo?");
		browser.findElement(By.id("sim-send")).click();
		wait.until(d -> bubbles("bot") > bot);
		wait.until(d -> (Boolean) ((ChromeDriver) d).executeScript(
				"var i = document.querySelector('#transcript img.bubble-image'); return !!i && i.complete && i.naturalWidth > 0"));

		Path photo = Files.createTempFile("trasera", ".jpg");
		Files.write(photo, SimulatorFilesIT.photo());
		Path big = Files.createTempFile("enorme", ".jpg");
		Files.write(big, new byte[6 * 1024 * 1024]);
		try {
			browser.findElement(By.id("sim-file")).sendKeys(big.toString());
			assertThat((Boolean) ((ChromeDriver) browser).executeScript("return document.getElementById('sim-file').validity.valid"))
				.isFalse();
			browser.findElement(By.id("sim-file")).clear();

			int customer = bubbles("customer");
			browser.findElement(By.id("sim-file")).sendKeys(photo.toString());
			browser.findElement(By.id("sim-file-caption")).sendKeys("la trasera");
			clickCentred(By.id("sim-upload"));
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sent-files"), photo.getFileName().toString()));
			wait.until(d -> bubbles("customer") > customer);
			assertThat(browser.findElement(By.id("transcript")).getText()).contains("la trasera");

			new Select(browser.findElement(By.id("sim-sample"))).selectByValue(SimulatorFilesIT.SAMPLE);
			clickCentred(By.id("sim-sample-send"));
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sent-files"), "emplazamientoMatricula.png"));
			wait.until(d -> bubbles("customer") > customer + 1);
			shoot("simulator-files");
		}
		finally {
			Files.deleteIfExists(photo);
			Files.deleteIfExists(big);
		}
	}

	private int bubbles(String sender) {
		return browser.findElements(By.cssSelector("#transcript [data-sender='" + sender + "']")).size();
	}

}
