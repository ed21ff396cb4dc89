package io.pressline.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
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
 * The editors' desk in a real browser (headless Chromium) against the whole pipeline: an
 * editor loads a sample file, previews its tags, submits it and watches it reach
 * publication, then corrects and retracts it, all without reloading the page. Screenshots
 * of each step are kept in {@code target/screenshots}.
 */
@KafkaTest
class DeskBrowserIT {

	private static final Path SAMPLE = Path.of("../samples/politics-coalition-budget-vote.txt");

	private static final Path SCREENSHOTS = Path.of("target/screenshots");

	private ChromeDriver browser;

	private WebDriverWait wait;

	private String testName;

	@BeforeEach
	void openTheDesk(TestInfo test) {
		String desk = RunningPipeline.get().url("ingest-service") + "/desk/";
		this.browser = Chromium.start();
		// Rows are redrawn on every live change, so an element found a moment ago can be
		// gone.
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(60));
		this.wait.ignoring(StaleElementReferenceException.class);
		this.testName = test.getTestMethod().orElseThrow().getName();
		this.browser.get(desk);
		// The page asks for the editor's API key once, and keeps it for the session.
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key")))
			.sendKeys(RunningPipeline.get().editorKey());
		this.browser.findElement(By.id("api-key-save")).click();
		this.wait.until(ExpectedConditions.textToBe(By.id("live"), "live"));
	}

	@AfterEach
	void closeTheBrowser() {
		if (this.browser != null) {
			screenshot("last");
			this.browser.quit();
		}
	}

	@Test
	void anEditorPreviewsTagsSubmitsAndFollowsAnArticleToPublication() throws Exception {
		this.browser.findElement(By.id("file")).sendKeys(SAMPLE.toAbsolutePath().normalize().toString());
		String headline = Files.readString(SAMPLE).lines().findFirst().orElseThrow();
		this.wait.until(ExpectedConditions.attributeToBe(By.id("headline"), "value", headline));
		assertThat(field("body")).contains("Finance Minister Henrik Solvang");
		type("section", "politics");

		click("preview-button");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#preview-text mark.PERSON")));
		screenshot("preview");
		List<String> people = texts("#preview-text mark[data-type='PERSON']");
		assertThat(people).contains("Henrik Solvang", "Rasmus Kjeldgaard");
		assertThat(texts("#preview-text mark[data-type='LOCATION']")).contains("Copenhagen", "Jutland");
		assertThat(texts("#preview-text mark[data-type='ORGANIZATION']")).contains("Folketing");
		assertThat(this.browser.findElement(By.cssSelector("#preview-text mark[data-type='PERSON']"))
			.getDomAttribute("title")).matches("person: .+ \\(.+\\)");
		assertThat(texts("#preview-quotes .speaker")).anySatisfy((s) -> assertThat(s).contains("Solvang"));
		assertThat(this.browser.findElements(By.cssSelector("#preview-entities li[data-type='LOCATION'] a.map")))
			.as("places with coordinates link to a map")
			.isNotEmpty();
		assertThat(this.browser.findElement(By.id("preview-facts")).getText()).contains("Reading time", "Topics",
				"Keywords", "Summary");

		click("submit-button");
		String id = this.wait.until((driver) -> {
			String submitted = driver.findElement(By.id("receipt")).getDomAttribute("data-id");
			return (submitted == null || submitted.isEmpty()) ? null : submitted;
		});
		awaitStage(id, "published");
		screenshot("published");
		assertThat(row(id).getText()).contains(headline, "politics");

		row(id).findElement(By.cssSelector("button[data-action='edit']")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("note")));
		assertThat(field("headline")).isEqualTo(headline);
		type("note", "The vote was 91 to 88, not 90 to 88.");
		click("submit-button");
		this.wait.until((driver) -> "2".equals(row(id).findElements(By.tagName("td")).get(2).getText()));
		awaitStage(id, "published");

		row(id).findElement(By.cssSelector("button[data-action='retract']")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("retract-reason")));
		type("retract-reason", "Published in error");
		click("retract-confirm");
		awaitStage(id, "retracted");
		row(id).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr.versions")));
		assertThat(this.browser.findElement(By.cssSelector("tr.versions")).getText()).contains("v1 new",
				"v2 correction", "v3 retraction", "Published in error");
		screenshot("retracted");
	}

	@Test
	void aRefusedDraftShowsEachMessageNextToItsField() {
		type("body", "A body without a headline.");
		type("embargoUntil", "");
		click("submit-button");

		this.wait.until(ExpectedConditions.attributeToBe(By.id("headline"), "aria-invalid", "true"));
		screenshot("refused");
		assertThat(this.browser.findElement(By.id("headline-error")).getText()).isNotBlank();
		assertThat(this.browser.findElement(By.id("body-error")).getText()).isEmpty();
		assertThat(field("body")).as("the draft is kept").isEqualTo("A body without a headline.");
		assertThat(this.browser.findElement(By.id("receipt")).getText()).isEmpty();
	}

	private void awaitStage(String id, String stage) {
		this.wait.until((driver) -> stage.equals(row(id).findElement(By.cssSelector(".stage")).getText()));
	}

	private WebElement row(String id) {
		return this.browser.findElement(By.cssSelector("tr.article[data-id='" + id + "']"));
	}

	private List<String> texts(String selector) {
		return this.browser.findElements(By.cssSelector(selector)).stream().map(WebElement::getText).toList();
	}

	private String field(String id) {
		return this.browser.findElement(By.id(id)).getDomProperty("value");
	}

	private void type(String id, String text) {
		WebElement field = this.browser.findElement(By.id(id));
		field.clear();
		if (!text.isEmpty()) {
			field.sendKeys(text);
		}
	}

	private void click(String id) {
		this.browser.findElement(By.id(id)).click();
	}

	private void screenshot(String step) {
		Chromium.screenshot(this.browser, SCREENSHOTS.resolve(this.testName + "-" + step + ".png"));
	}

}
