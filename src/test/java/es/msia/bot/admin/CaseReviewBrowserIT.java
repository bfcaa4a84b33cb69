package es.msia.bot.admin;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import es.msia.bot.cases.CaseManagement;
import es.msia.bot.cases.IncomingFile;
import es.msia.bot.cases.OpenCase;
import es.msia.bot.catalog.Catalog;
import es.msia.bot.catalog.ClientType;
import es.msia.bot.catalog.Quote;
import es.msia.bot.catalog.VehicleType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Case review in a real browser: staff validate a photo in the expediente gallery, then download the case ZIP
 * through chromium and find the customer's photo bytes in it.
 */
class CaseReviewBrowserIT extends BrowserTest {

	static final Path DOWNLOADS = Path.of("target", "browser-downloads").toAbsolutePath();

	@Autowired
	Catalog catalog;

	@Autowired
	CaseManagement cases;

	@Test
	void validatesAPhotoAndDownloadsTheCaseZip() throws Exception {
		long conversation = nextId();
		jdbc.sql("INSERT INTO conversations (id) VALUES (:id)").param("id", conversation).update();
		Quote quote = (Quote) catalog.quoteCodes(ClientType.PARTICULAR, VehicleType.MOTO, List.of("ESCAPE"));
		String reference = cases.open(new OpenCase(conversation, null, quote)).reference();
		byte[] blue = photo(new Color(30, 110, 170));
		cases.receive(conversation, nextId(), "",
				List.of(new IncomingFile(nextId(), chatwoot.serveFile(blue), "image")));
		long fileId = cases.openCase(conversation).orElseThrow().files().get(0).id();

		login(user("staff"));
		wait.until(ExpectedConditions.urlContains("/conversations"));
		open("/cases?status=collecting");
		browser.findElement(By.linkText(reference)).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-gallery")));
		clickCentred(By.cssSelector("#file-" + fileId + " button[value=true]"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("file-" + fileId), "Validado"));
		assertThat(browser.findElement(By.cssSelector("#file-" + fileId + " .review-status")).getAttribute("class"))
			.contains("text-bg-success");
		assertThat(jdbc.sql("SELECT review_status FROM case_files WHERE id = :id").param("id", fileId)
			.query(String.class).single()).isEqualTo("validated");
		shoot("case-validated");

		Path zip = download(By.id("case-zip"), reference);
		Map<String, byte[]> entries = entries(zip);
		// The case as MSI's data form comes first, then the customer's file as it arrived.
		assertThat(entries).hasSize(2);
		assertThat(entries.keySet().iterator().next()).endsWith(".pdf");
		Map.Entry<String, byte[]> photo = entries.entrySet().stream().skip(1).findFirst().orElseThrow();
		assertThat(photo.getKey()).startsWith(fileId + "_").endsWith(".jpeg");
		assertThat(photo.getValue()).isEqualTo(blue);
	}

	/** Lets headless chromium save downloads under target/ and waits until the file is complete. */
	private Path download(By link, String reference) throws IOException {
		Path folder = Files.createDirectories(DOWNLOADS.resolve(reference));
		((ChromeDriver) browser).executeCdpCommand("Browser.setDownloadBehavior",
				Map.of("behavior", "allow", "downloadPath", folder.toString()));
		clickCentred(link);
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> zipIn(folder) != null);
		return zipIn(folder);
	}

	private static Path zipIn(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(f -> f.getFileName().toString().endsWith(".zip")).findFirst().orElse(null);
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static Map<String, byte[]> entries(Path zip) throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(zip)))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

}
