package io.pressline.testing.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Headless Chromium for browser tests: Debian's {@code chromium} driven through Debian's
 * {@code chromedriver} by Selenium, never a downloaded browser. When the packages are
 * missing and the tests run as root on Debian, they are installed with apt-get (so the
 * README's test command works on a fresh machine); otherwise the browser tests are
 * reported as skipped with the reason, never skipped silently. Where they must run (CI
 * sets {@code PRESSLINE_BROWSER_TESTS=required}), a browser that cannot be had fails
 * them.
 */
public final class Chromium {

	private static final Logger log = LoggerFactory.getLogger(Chromium.class);

	private static final Path BROWSER = Path.of("/usr/bin/chromium");

	private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private Chromium() {
	}

	/** A new headless browser with a window of 1400 by 1000 pixels; quit it when done. */
	public static ChromeDriver start() {
		ensureInstalled();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER.toFile());
		// Without the background networking switches Chromium keeps calling home, and
		// this
		// machine's closed network refuses every call.
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + temporaryProfile());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		return driver;
	}

	/** Saves what the browser shows as a PNG file, creating its folder. */
	public static Path screenshot(ChromeDriver driver, Path file) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
			log.info("Screenshot saved to {}", file.toAbsolutePath());
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static synchronized void ensureInstalled() {
		if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
			return;
		}
		boolean root = "root".equals(System.getProperty("user.name"));
		boolean apt = Files.isExecutable(Path.of("/usr/bin/apt-get"));
		require(root && apt,
				"Browser tests skipped: Debian's chromium and chromium-driver are not installed, and they can only "
						+ "be installed here as root with apt-get (apt-get install chromium chromium-driver)");
		log.info("Installing Debian's chromium and chromium-driver for the browser tests (apt-get, about a minute)");
		run(List.of("apt-get", "update", "-qq"));
		run(List.of("apt-get", "install", "-y", "-qq", "chromium", "chromium-driver"));
		require(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
				"Browser tests skipped: apt-get did not install " + BROWSER + " and " + DRIVER);
	}

	/**
	 * Skips the test, saying why, unless the browser tests are required
	 * ({@code PRESSLINE_BROWSER_TESTS=required}, as on CI): then it fails.
	 */
	private static void require(boolean condition, String why) {
		String setting = System.getenv()
			.getOrDefault("PRESSLINE_BROWSER_TESTS", System.getProperty("pressline.browser-tests", "optional"));
		if (!condition && "required".equalsIgnoreCase(setting)) {
			throw new IllegalStateException(why.replace("Browser tests skipped", "Browser tests cannot run")
					+ "; they are required here (PRESSLINE_BROWSER_TESTS=required)");
		}
		Assumptions.assumeTrue(condition, why);
	}

	private static void run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.INHERIT)
				.start();
			int exit = process.waitFor();
			if (exit != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + exit);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while installing Chromium", ex);
		}
	}

	private static String temporaryProfile() {
		try {
			File profile = Files.createTempDirectory("pressline-chromium").toFile();
			profile.deleteOnExit();
			return profile.getAbsolutePath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
