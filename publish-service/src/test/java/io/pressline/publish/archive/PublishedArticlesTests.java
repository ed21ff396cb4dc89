package io.pressline.publish.archive;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pressline.event.ArticleEnriched;
import io.pressline.event.ArticlePublished;
import io.pressline.event.ArticleSubmitted;
import io.pressline.event.PublicationEventType;
import io.pressline.event.SubmissionAction;
import io.pressline.event.serde.EventSchemas;
import io.pressline.publish.PublishFixtures;
import io.pressline.publish.rules.Decision;
import io.pressline.publish.edition.Editions;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedArticlesTests {

	private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

	@BeforeAll
	static void trustTheEventClasses() {
		EventSchemas.trust();
	}

	@TempDir
	Path directory;

	private final Editions editions = new Editions("https://news.example.org");

	private PublishedArticles store;

	private PublishedArticles store() {
		this.store = new PublishedArticles(this.directory.resolve("store"), 1);
		return this.store;
	}

	@AfterEach
	void close() {
		if (this.store != null) {
			this.store.close();
		}
	}

	@Test
	void anArticleIsFoundByIdAndBySlugWithEveryField() {
		PublishedArticles articles = store();
		ArticlePublished first = publish("a1", 1, "Bridge closes", "local", null, NOW);

		articles.record(first);

		assertThat(articles.find("a1")).contains(first);
		assertThat(articles.findBySlug(first.getSlug())).contains(first);
		assertThat(articles.find("nobody")).isEmpty();
		assertThat(articles.findBySlug("nothing-here")).isEmpty();
	}

	@Test
	void aNewerVersionReplacesTheOldAndAnOlderOneIsIgnored() {
		PublishedArticles articles = store();
		ArticlePublished first = publish("a1", 1, "Bridge closes", "local", null, NOW);
		ArticlePublished second = publish("a1", 2, "Bridge closes for a week", "local", first, NOW.plusSeconds(60));

		articles.record(first);
		articles.record(second);
		articles.record(first);

		assertThat(articles.find("a1")).contains(second);
		assertThat(articles.recent("local", 10)).containsExactly(second);
		assertThat(articles.size()).isEqualTo(1);
	}

	@Test
	void aRetractionRemovesTheArticleFromEveryIndexAndIsRemembered() {
		PublishedArticles articles = store();
		ArticlePublished live = publish("a1", 1, "Bridge closes", "local", null, NOW);
		articles.record(live);

		articles.record(retract(live, NOW.plusSeconds(30)));

		assertThat(articles.find("a1")).isEmpty();
		assertThat(articles.findBySlug(live.getSlug())).isEmpty();
		assertThat(articles.recent("local", 10)).isEmpty();
		assertThat(articles.recent(null, 10)).isEmpty();
		assertThat(articles.isRetracted("a1")).isTrue();
	}

	@Test
	void aTombstoneForgetsTheArticle() {
		PublishedArticles articles = store();
		articles.record(publish("a1", 1, "Bridge closes", "local", null, NOW));

		articles.forget("a1");
		articles.forget("never-published");

		assertThat(articles.find("a1")).isEmpty();
		assertThat(articles.size()).isZero();
		assertThat(articles.isRetracted("a1")).isFalse();
	}

	@Test
	void recentListsTheNewestFirstPerSectionAndAcrossSections() {
		PublishedArticles articles = store();
		ArticlePublished oldest = publish("a1", 1, "Council meets", "local", null, NOW);
		ArticlePublished middle = publish("a2", 1, "Cup final", "sport", null, NOW.plusSeconds(10));
		ArticlePublished newest = publish("a3", 1, "Library reopens", "local", null, NOW.plusSeconds(20));
		articles.record(middle);
		articles.record(newest);
		articles.record(oldest);

		assertThat(articles.recent("local", 10)).containsExactly(newest, oldest);
		assertThat(articles.recent("local", 1)).containsExactly(newest);
		assertThat(articles.recent("sport", 10)).containsExactly(middle);
		assertThat(articles.recent("loc", 10)).isEmpty();
		assertThat(articles.recent(null, 10)).containsExactly(newest, middle, oldest);
	}

	@Test
	void anUpdateMovesTheArticleToTheTopOfItsFeed() {
		PublishedArticles articles = store();
		ArticlePublished first = publish("a1", 1, "Council meets", "local", null, NOW);
		ArticlePublished other = publish("a2", 1, "Library reopens", "local", null, NOW.plusSeconds(10));
		ArticlePublished update = publish("a1", 2, "Council meets late", "local", first, NOW.plusSeconds(20));
		articles.record(first);
		articles.record(other);

		articles.record(update);

		assertThat(articles.recent("local", 10)).containsExactly(update, other);
	}

	@Test
	void theArticlesLiveOnDiskNotOnTheHeapAndTheFileGoesOnClose() throws Exception {
		PublishedArticles articles = store();
		String body = "The council met until late in the evening. ".repeat(200);
		for (int i = 0; i < 2_000; i++) {
			articles.record(publish("id-" + i, 1, "Article " + i, "local", null, NOW.plusSeconds(i), body));
		}

		assertThat(articles.size()).isEqualTo(2_000);
		assertThat(articles.find("id-1234").map(ArticlePublished::getBody)).contains(body);
		articles.close();
		this.store = null;
		assertThat(Files.exists(this.directory.resolve("store"))).isFalse();
	}

	private ArticlePublished publish(String id, int version, String headline, String section, ArticlePublished previous,
			Instant at) {
		return publish(id, version, headline, section, previous, at, "The council met on Monday.");
	}

	private ArticlePublished publish(String id, int version, String headline, String section, ArticlePublished previous,
			Instant at, String body) {
		ArticleEnriched enriched = ArticleEnriched.newBuilder()
			.setSubmission(draft(id, version, headline, body).setSection(section).build())
			.setEnrichment(PublishFixtures.enrichment(NOW))
			.build();
		PublicationEventType type = (previous == null) ? PublicationEventType.PUBLISHED : PublicationEventType.UPDATED;
		Instant first = (previous == null) ? at : previous.getFirstPublishedAt();
		return this.editions.edition(enriched, new Decision.Publish(type, first, section), previous, at);
	}

	private ArticlePublished retract(ArticlePublished live, Instant at) {
		ArticleSubmitted retraction = draft(live.getArticleId(), live.getVersion() + 1, "", "")
			.setAction(SubmissionAction.RETRACT)
			.setNote("Withdrawn.")
			.build();
		return this.editions.retraction(retraction, PublishFixtures.enrichment(NOW), live, at);
	}

	private static ArticleSubmitted.Builder draft(String id, int version, String headline, String body) {
		return ArticleSubmitted.newBuilder()
			.setArticleId(id)
			.setVersion(version)
			.setHeadline(headline)
			.setBody(body)
			.setSubmittedAt(NOW);
	}

}
