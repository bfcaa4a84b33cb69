package es.msia.bot.admin;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of the panel's browser tests: Debian's chromium through chromedriver (headless, no browser download),
 * a staff account per test, and screenshots under {@code target/screenshots/} at desktop and phone widths.
 */
abstract class BrowserTest extends PanelTest {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static WebDriver browser;

	WebDriverWait wait;

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
	void openBrowserSession() {
		wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		browser.manage().deleteAllCookies();
		browser.manage().window().setSize(new Dimension(1280, 900));
	}

	/**
	 * Scrolls the element to the middle of the window first, so the sticky layout cannot cover it; instantly,
	 * as Bootstrap makes scrolling smooth and a click during the animation lands where the element was.
	 */
	void clickCentred(By locator) {
		WebElement element = browser.findElement(locator);
		((ChromeDriver) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
		wait.until(ExpectedConditions.elementToBeClickable(element)).click();
	}

	static byte[] photo(Color color) throws IOException {
		BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(color);
		g.fillRect(0, 0, 640, 480);
		g.setColor(Color.WHITE);
		g.fillOval(220, 140, 200, 200);
		// A grid of fine lines, so the photo has the detail the intake's quality gate asks of a sharp photo.
		g.setColor(Color.DARK_GRAY);
		for (int i = 0; i < 640; i += 16) {
			g.drawLine(i, 0, i, 479);
			g.drawLine(0, i, 639, i);
		}
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", out);
		return out.toByteArray();
	}

	/** Starts a simulated chat, sends the text, and returns the transcript once the bot answered. */
	String simulate(String text) {
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

	/** Logs in and waits until the panel answered, so that the next navigation carries the session. */
	void login(String user) {
		open("/login");
		submitLogin(user, PASSWORD);
		wait.until(d -> !d.getCurrentUrl().contains("/login"));
	}

	/**
	 * Fills and submits the login form, and returns once the page it was on is gone: after a failed login
	 * the URL is already {@code /login?error}, so waiting for the URL alone let the next attempt type into
	 * the page being replaced (StaleElementReferenceException).
	 */
	void submitLogin(String user, String password) {
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).clear();
		browser.findElement(By.id("username")).sendKeys(user);
		browser.findElement(By.id("password")).sendKeys(password);
		WebElement submit = browser.findElement(By.cssSelector("button[type=submit]"));
		submit.click();
		wait.until(d -> gone(submit));
	}

	/**
	 * Whether an element's page was replaced. Chromium 156 sometimes answers a replaced node with "Node with
	 * given id does not belong to the document" instead of a stale-element error, which
	 * {@code ExpectedConditions.stalenessOf} does not recognise and rethrows.
	 */
	private static boolean gone(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (WebDriverException ex) {
			return true;
		}
	}

	void open(String path) {
		browser.navigate().to(url(path));
	}

	String url(String path) {
		return "http://localhost:" + ports.adminPort() + path;
	}

	/** Saves the page at desktop width and at phone width. */
	void shoot(String name) {
		try {
			save(name + "-desktop");
			browser.manage().window().setSize(new Dimension(390, 844));
			save(name + "-phone");
		}
		finally {
			browser.manage().window().setSize(new Dimension(1280, 900));
		}
	}

	void save(String name) {
		File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
		try {
			Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
