package io.pressline.publish.feed;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.pressline.event.ArticlePublished;
import io.pressline.event.PublicationEventType;
import io.pressline.publish.PublishFixtures;
import io.pressline.publish.edition.Editions;
import io.pressline.publish.ninjs.NinjsSchema;
import io.pressline.publish.rules.Decision;

import static org.assertj.core.api.Assertions.assertThat;

/** Each JSON Feed item carries the article as ninjs in its {@code _ninjs} extension. */
class JsonFeedNinjsTests {

	@Test
	void everyItemsNinjsExtensionIsAValidDocumentOfThatArticle() {
		Instant now = Instant.now();
		Editions editions = new Editions("https://news.example.org");
		List<ArticlePublished> articles = List.of("f1", "f2")
			.stream()
			.map((id) -> editions.edition(
					PublishFixtures.enriched(PublishFixtures.draft(id, 1).setSubmittedAt(now).build()),
					new Decision.Publish(PublicationEventType.PUBLISHED, now, "local"), null, now))
			.toList();

		Map<String, Object> feed = new Feeds("https://news.example.org").jsonFeed("local", articles,
				"https://pressline.example/feeds/local.json");
		// Written as the endpoint writes it, then read back.
		JsonMapper mapper = JsonMapper.builder().build();
		JsonNode items = mapper.readTree(mapper.writeValueAsString(feed)).get("items");

		assertThat(items).hasSize(2);
		for (JsonNode item : items) {
			JsonNode extension = item.get("_ninjs");
			assertThat(extension.get("about").asString()).isEqualTo(Feeds.NINJS_ABOUT);
			assertThat(extension.at("/document/uri").asString()).endsWith(item.get("id").asString());
			NinjsSchema.assertValid(extension.get("document"));
		}
	}

}
