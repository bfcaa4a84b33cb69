package es.msia.bot.admin;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import es.msia.bot.cases.CaseManagement;
import es.msia.bot.cases.IncomingFile;
import es.msia.bot.cases.OpenCase;
import es.msia.bot.catalog.Catalog;
import es.msia.bot.catalog.CatalogAdministration;
import es.msia.bot.catalog.ClientType;
import es.msia.bot.catalog.Quote;
import es.msia.bot.catalog.VehicleType;
import es.msia.bot.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The panel in a real browser (Debian's chromium through chromedriver, headless): login and lockout, a
 * simulated conversation that gets a quote, a catalogue price edit that changes the simulator's next
 * quote and shows in the audit log, taking a conversation over and handing it back, rejecting a case photo in
 * the expediente gallery and opening it in the viewer. Each page is saved
 * under {@code target/screenshots/} at desktop and phone widths.
 */
class PanelBrowserIT extends IntegrationTest {

	static final String PASSWORD = "una-contraseña-larga";

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static WebDriver browser;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	Catalog catalog;

	@Autowired
	CatalogAdministration administration;

	@Autowired
	CaseManagement cases;

	WebDriverWait wait;

	BigDecimal originalT5;

	@BeforeAll
	static void startBrowser() throws IOException {
		Files.createDirectories(SCREENSHOTS);
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--no-sandbox", "--headless", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,900", "--lang=es-ES");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.build();
		browser = new ChromeDriver(service, options);
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@BeforeEach
	void setUp() {
		wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		browser.manage().deleteAllCookies();
		browser.manage().window().setSize(new Dimension(1280, 900));
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

	/** Scrolls the element to the middle of the window first, so the sticky layout cannot cover it. */
	private void clickCentred(By locator) {
		WebElement element = browser.findElement(locator);
		((ChromeDriver) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
		wait.until(ExpectedConditions.elementToBeClickable(element)).click();
	}

	private static byte[] photo(Color color) throws IOException {
		BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(color);
		g.fillRect(0, 0, 640, 480);
		g.setColor(Color.WHITE);
		g.fillOval(220, 140, 200, 200);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", out);
		return out.toByteArray();
	}

	/** Starts a simulated chat, sends the text, and returns the transcript once the bot answered. */
	private String simulate(String text) {
		open("/simulator");
		if (!browser.findElements(By.id("sim-start")).isEmpty()) {
			WebElement phone = browser.findElement(By.id("sim-phone"));
			phone.clear();
			phone.sendKeys("+3460" + (1_000_000 + (long) (Math.random() * 8_999_999)));
			browser.findElement(By.id("sim-start")).click();
		}
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sim-message"))).sendKeys(text);
		browser.findElement(By.id("sim-send")).click();
		wait.until(d -> !d.findElements(By.cssSelector("#transcript [data-sender='bot']")).isEmpty());
		return browser.findElement(By.id("transcript")).getText();
	}

	private void login(String user) {
		open("/login");
		submitLogin(user, PASSWORD);
	}

	private void submitLogin(String user, String password) {
		browser.findElement(By.id("username")).clear();
		browser.findElement(By.id("username")).sendKeys(user);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
	}

	private void open(String path) {
		browser.navigate().to(url(path));
	}

	private String url(String path) {
		return "http://localhost:" + ports.adminPort() + path;
	}

	/** Saves the page at desktop width and at phone width. */
	private void shoot(String name) {
		try {
			save(name + "-desktop");
			browser.manage().window().setSize(new Dimension(390, 844));
			save(name + "-phone");
		}
		finally {
			browser.manage().window().setSize(new Dimension(1280, 900));
		}
	}

	private void save(String name) {
		File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
		try {
			Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private String user(String role) {
		String name = role + "-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("INSERT INTO admin_users (username, password_hash, role) VALUES (:u, :h, :r)")
			.param("u", name)
			.param("h", encoder.encode(PASSWORD))
			.param("r", role)
			.update();
		return name;
	}

}
