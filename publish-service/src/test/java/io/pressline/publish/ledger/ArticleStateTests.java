package io.pressline.publish.ledger;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.pressline.event.ArticlePublished;
import io.pressline.event.Enrichment;
import io.pressline.event.Keyword;
import io.pressline.event.PublicationEventType;
import io.pressline.publish.PublishFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the ledger keeps of a published event: everything that carries over to the next
 * version or the retraction, none of the text and tags, and the event itself untouched.
 */
class ArticleStateTests {

	private static final Instant NOW = Instant.parse("2026-12-04T02:00:00Z");

	@Test
	void theStateAfterAnEventKeepsItsAddressAndTimesButNotItsTextOrTags() {
		ArticlePublished event = published();

		ArticlePublished kept = ArticleState.unknown("a1").after(event).lastEvent();

		assertThat(kept.getSlug()).isEqualTo("night-buses-a1");
		assertThat(kept.getCanonicalUrl()).isEqualTo("https://news.example.org/local/night-buses-a1");
		assertThat(kept.getHeadline()).isEqualTo("Night buses return");
		assertThat(kept.getSection()).isEqualTo("local");
		assertThat(kept.getFirstPublishedAt()).isEqualTo(NOW.minusSeconds(3600));
		assertThat(kept.getPublishedAt()).isEqualTo(NOW);
		assertThat(kept.getBody()).isEmpty();
		assertThat(kept.getBodyHtml()).isEmpty();
		Enrichment tags = kept.getEnrichment();
		assertThat(tags.getEngine()).isEqualTo("test");
		assertThat(tags.getLanguage()).isEqualTo("en");
		assertThat(tags.getEnrichedAt()).isEqualTo(NOW);
		assertThat(tags.getWordCount()).isZero();
		assertThat(tags.getKeywords()).isEmpty();
		assertThat(tags.getSummary()).isNull();
	}

	@Test
	void theEventSentIsLeftAsItWas() {
		ArticlePublished event = published();
		ArticlePublished before = ArticlePublished.newBuilder(event).build();

		ArticleState.unknown("a1").after(event);

		assertThat(event).isEqualTo(before);
		assertThat(event.getEnrichment().getKeywords()).hasSize(1);
	}

	@Test
	void theStateReadBackFromItsRecordIsTheStateWritten() {
		ArticleState state = ArticleState.unknown("a1").after(published());

		assertThat(ArticleState.of(state.toRecord())).isEqualTo(state);
		assertThat(state.publishedVersion()).hasValueSatisfying((published) -> {
			assertThat(published.version()).isEqualTo(2);
			assertThat(published.firstPublishedAt()).isEqualTo(NOW.minusSeconds(3600));
		});
	}

	private static ArticlePublished published() {
		Enrichment enrichment = Enrichment.newBuilder(PublishFixtures.enrichment(NOW))
			.setKeywords(List.of(Keyword.newBuilder().setText("night buses").setScore(1).build()))
			.setSummary("The night buses run again.")
			.build();
		return PublishFixtures.published(PublicationEventType.UPDATED, NOW)
			.setVersion(2)
			.setEnrichment(enrichment)
			.setSubmittedAt(NOW.minusSeconds(10))
			.setFirstPublishedAt(NOW.minusSeconds(3600))
			.build();
	}

}
