package io.pressline.local;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.pressline.testing.KafkaTest;
import io.pressline.testing.browser.Chromium;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operators' status page in headless Chromium against the running pipeline: it asks
 * for an operator's key (an editor's is refused), then an article an editor submits shows
 * up among the recent ones, reaches PUBLISHED with the time each stage took, the stages
 * count it, each stage's consumer group is seen caught up, and each dead-letter topic has
 * its row. The screenshot is kept in {@code target/screenshots}.
 */
@KafkaTest
class OpsBrowserIT {

	private static final Path SCREENSHOTS = Path.of("target/screenshots");

	private ChromeDriver browser;

	private WebDriverWait wait;

	@BeforeEach
	void openTheStatusPage() {
		this.browser = Chromium.start();
		// The tables are redrawn every two seconds.
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(60));
		this.wait.ignoring(StaleElementReferenceException.class);
	}

	@AfterEach
	void closeTheBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void anOperatorSeesEachStagesThroughputBacklogDeadLettersAndRecentArticlesWithTheirTimes() throws Exception {
		LocalPipeline pipeline = RunningPipeline.get();
		String id = new PipelineClient(pipeline).submit("""
				{"headline": "Harbour bridge reopens after repairs", "section": "local",
				 "body": "The harbour bridge reopened on Monday after six weeks of repairs, the city said."}
				""");

		this.browser.get(pipeline.url("ingest-service") + "/ops/");
		// The figures are for operators: the page asks for a key, and an editor's is not
		// enough.
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key"))).sendKeys(pipeline.editorKey());
		this.browser.findElement(By.id("api-key-save")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("key-reason"), "roles do not allow"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key"))).sendKeys(pipeline.adminKey());
		this.browser.findElement(By.id("api-key-save")).click();
		By article = By.cssSelector("#recent tr[data-article='" + id + "']");
		this.wait.until(ExpectedConditions.attributeToBe(article, "data-stage", "PUBLISHED"));
		WebElement row = this.browser.findElement(article);
		assertThat(row.getText()).contains("Harbour bridge reopens after repairs", "PUBLISHED");
		// received, enriched and published each show how long after submission.
		assertThat(row.findElements(By.cssSelector("td.number"))).extracting(WebElement::getText)
			.filteredOn((text) -> text.endsWith(" ms") || text.endsWith(" s"))
			.hasSize(3);

		this.wait.until((driver) -> Integer
			.parseInt(driver.findElement(By.cssSelector("#stages tr[data-stage='PUBLISHED'] td:nth-child(2)"))
				.getText()) >= 1);
		for (String group : new String[] { "enrich-service", "publish-service", "publish-webhooks" }) {
			// Caught up: nothing waits, not even the commit markers of the transactions
			// that wrote the group's input.
			this.wait.until(ExpectedConditions
				.textToBe(By.cssSelector("#lag tr[data-group='" + group + "'] td:nth-child(2)"), "0"));
			assertThat(this.browser.findElement(By.cssSelector("#lag tr[data-group='" + group + "'] .partitions"))
				.getText()).contains("-0: ", "-1: ", "-2: ");
		}
		this.wait.until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("#dead-letters tr[data-topic='articles.submitted.dlq']")));
		assertThat(this.browser.findElement(By.id("updated")).getText()).startsWith("updated ");
		// The archive's re-enrichment, which no test of this pipeline starts.
		this.wait.until(ExpectedConditions.attributeToBe(By.id("reenrichment"), "data-state", "IDLE"));
		assertThat(this.browser.findElement(By.id("reenrichment")).getText()).isEqualTo("No run yet.");
		Chromium.screenshot(this.browser, SCREENSHOTS.resolve("ops-status-page.png"));
	}

}
