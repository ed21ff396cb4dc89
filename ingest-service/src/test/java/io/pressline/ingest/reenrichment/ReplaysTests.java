package io.pressline.ingest.reenrichment;

import org.junit.jupiter.api.Test;

import io.pressline.event.ArticlePublished;
import io.pressline.event.ArticleSubmitted;
import io.pressline.event.Enrichment;
import io.pressline.event.SubmissionAction;
import io.pressline.event.SubmissionReason;
import io.pressline.platform.enrichment.EnrichmentDigest;

import static org.assertj.core.api.Assertions.assertThat;

class ReplaysTests {

	private final ArticlePublished published = ArticlePublished.newBuilder(ArchiveReplayTests.published("a1b2c3d4-e5"))
		.setVersion(3)
		.setByline("By Ada Quill")
		.setNote("The date was wrong.")
		.build();

	@Test
	void aReplayCarriesThePublishedTextItsTimeAndWhatToCompareWith() {
		ArticleSubmitted replay = Replays.of(this.published, 5);

		assertThat(replay.getArticleId()).isEqualTo("a1b2c3d4-e5");
		assertThat(replay.getVersion()).isEqualTo(5);
		assertThat(replay.getHeadline()).isEqualTo(this.published.getHeadline());
		assertThat(replay.getBody()).isEqualTo(this.published.getBody());
		assertThat(replay.getByline()).isEqualTo("By Ada Quill");
		assertThat(replay.getSection()).isEqualTo("local");
		assertThat(replay.getSubmittedAt()).isEqualTo(this.published.getSubmittedAt());
		assertThat(replay.getReason()).isEqualTo(SubmissionReason.REENRICHMENT);
		assertThat(replay.getReplayOf()).isEqualTo(3);
		assertThat(replay.getReplayedEnrichmentDigest()).isEqualTo(EnrichmentDigest.of(this.published.getEnrichment()));
		// A correction's note is not repeated: the replay is an update.
		assertThat(replay.getNote()).isNull();
		assertThat(replay.getAction()).isEqualTo(SubmissionAction.PUBLISH);
		assertThat(replay.getEmbargoUntil()).isNull();
		assertThat(replay.getLegalHold()).isFalse();
		assertThat(replay.getIdempotencyKey()).isNull();
	}

	@Test
	void aDetectedLanguageIsDetectedAgainADeclaredOneIsKept() {
		ArticlePublished detected = withConfidence(0.97);
		ArticlePublished declared = withConfidence(1.0);
		ArticlePublished passthrough = ArticlePublished.newBuilder(withConfidence(0)).setLanguage("und").build();

		assertThat(Replays.of(detected, 4).getLanguage()).isNull();
		assertThat(Replays.of(declared, 4).getLanguage()).isEqualTo("en");
		assertThat(Replays.of(passthrough, 4).getLanguage()).isNull();
	}

	private ArticlePublished withConfidence(double confidence) {
		return ArticlePublished.newBuilder(this.published)
			.setEnrichment(
					Enrichment.newBuilder(this.published.getEnrichment()).setLanguageConfidence(confidence).build())
			.build();
	}

}
