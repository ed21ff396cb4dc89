package io.pressline.publish.api;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import io.pressline.event.ArticlePublished;
import io.pressline.event.PublicationEventType;
import io.pressline.publish.PublishFixtures;
import io.pressline.publish.archive.PublishedArticles;
import io.pressline.publish.edition.Editions;
import io.pressline.publish.ninjs.NinjsSchema;
import io.pressline.publish.rules.Decision;
import io.pressline.platform.security.PresslineSecurityConfiguration;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The read API for sites, as an HTTP slice over a real on-disk store of published
 * articles: by id, by slug, not found and retracted, and open without a key as sites read
 * it. No broker.
 */
@WebMvcTest(PublishedArticleController.class)
@Import({ PresslineSecurityConfiguration.class, PublishedArticleApiTests.Store.class })
class PublishedArticleApiTests {

	private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private PublishedArticles articles;

	@Test
	void aLiveArticleIsReadByIdAndBySlugWithoutAKey() throws Exception {
		ArticlePublished article = publish("r1");
		this.articles.record(article);

		this.mvc.perform(get("/api/v1/published/r1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.articleId").value("r1"))
			.andExpect(jsonPath("$.eventType").value("PUBLISHED"))
			.andExpect(jsonPath("$.slug").value(article.getSlug()));
		this.mvc.perform(get("/api/v1/published/by-slug/" + article.getSlug()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.articleId").value("r1"));
	}

	@Test
	void anUnknownArticleIsAProblemDocumentAndARetractedOneIsGone() throws Exception {
		this.articles.record(publish("r2"));
		this.articles.retract("r2", 2);

		this.mvc.perform(get("/api/v1/published/nobody"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.type").value("urn:pressline:problem:article-not-published"));
		this.mvc.perform(get("/api/v1/published/r2"))
			.andExpect(status().isGone())
			.andExpect(jsonPath("$.type").value("urn:pressline:problem:article-retracted"));
	}

	@Test
	void ninjsIsServedForItsMediaTypeOrFormatAndValidates() throws Exception {
		ArticlePublished article = publish("r3");
		this.articles.record(article);

		String byAccept = this.mvc.perform(get("/api/v1/published/r3").accept("application/ninjs+json"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/ninjs+json"))
			.andExpect(jsonPath("$.uri").value("urn:pressline:article:r3"))
			.andExpect(jsonPath("$.pubStatus").value("usable"))
			.andExpect(jsonPath("$.headlines[0].value").value(article.getHeadline()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		NinjsSchema.assertValid(byAccept);
		String byFormat = this.mvc.perform(get("/api/v1/published/by-slug/" + article.getSlug() + "?format=ninjs"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/ninjs+json"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		NinjsSchema.assertValid(byFormat);
		this.mvc.perform(get("/api/v1/published/r3").accept("application/json;q=0.5, application/ninjs+json"))
			.andExpect(content().contentType("application/ninjs+json"));
		this.mvc.perform(get("/api/v1/published/r3").accept("application/json"))
			.andExpect(content().contentType("application/json"))
			.andExpect(jsonPath("$.articleId").value("r3"));
		this.mvc.perform(get("/api/v1/published/r3?format=xml"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.field").value("format"));
	}

	private static ArticlePublished publish(String id) {
		return new Editions("https://news.example.org").edition(
				PublishFixtures.enriched(PublishFixtures.draft(id, 1).setSubmittedAt(NOW).build()),
				new Decision.Publish(PublicationEventType.PUBLISHED, NOW, "local"), null, NOW);
	}

	/** The store the service serves from, in a temporary directory. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Store {

		@Bean(destroyMethod = "close")
		PublishedArticles publishedArticles() {
			return new PublishedArticles();
		}

	}

}
