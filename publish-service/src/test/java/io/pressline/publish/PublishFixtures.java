package io.pressline.publish;

import java.time.Instant;

import io.pressline.event.ArticleSubmitted;
import io.pressline.event.Enrichment;

/** Article versions and enrichments for the publish-service tests. */
public final class PublishFixtures {

	private PublishFixtures() {
	}

	public static ArticleSubmitted.Builder draft(String id, int version) {
		return ArticleSubmitted.newBuilder()
			.setArticleId(id)
			.setVersion(version)
			.setHeadline("Night buses return")
			.setBody("The night buses run again from Friday.")
			.setSection("local")
			.setSubmittedAt(Instant.now());
	}

	public static Enrichment enrichment(Instant at) {
		return Enrichment.newBuilder()
			.setEngine("test")
			.setLanguage("en")
			.setLanguageConfidence(0.99)
			.setWordCount(10)
			.setSentenceCount(1)
			.setReadingTimeSeconds(2)
			.setEnrichedAt(at)
			.build();
	}

}
