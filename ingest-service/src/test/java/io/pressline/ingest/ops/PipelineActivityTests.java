package io.pressline.ingest.ops;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.pressline.event.ArticleStage;
import io.pressline.event.ArticleStatus;
import io.pressline.event.ArticleSubmitted;
import io.pressline.event.serde.EventSchemas;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineActivityTests {

	static {
		EventSchemas.trust();
	}

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	private final PipelineActivity activity = new PipelineActivity(Clock.fixed(NOW, ZoneOffset.UTC), 3);

	@Test
	void eachStageCountsTheVersionsThatReachedItInTheLastMinuteAndSinceStart() {
		this.activity.status(status("a", 1, ArticleStage.RECEIVED, NOW.minusSeconds(90)));
		this.activity.status(status("a", 1, ArticleStage.ENRICHED, NOW.minusSeconds(89)));
		this.activity.status(status("b", 1, ArticleStage.RECEIVED, NOW.minusSeconds(30)));
		this.activity.status(status("b", 1, ArticleStage.ENRICHED, NOW.minusSeconds(29)));
		this.activity.status(status("b", 1, ArticleStage.PUBLISHED, NOW.minusSeconds(28)));

		assertThat(this.activity.stages()).contains(new PipelineActivity.StageActivity("RECEIVED", 1, 2),
				new PipelineActivity.StageActivity("ENRICHED", 1, 2),
				new PipelineActivity.StageActivity("PUBLISHED", 1, 1),
				new PipelineActivity.StageActivity("HELD", 0, 0));
	}

	@Test
	void aReportReadTwiceCountsOnce() {
		// Ingest records its own RECEIVED and reads it back from the status topic.
		this.activity.status(status("a", 1, ArticleStage.RECEIVED, NOW.minusSeconds(5)));
		this.activity.status(status("a", 1, ArticleStage.RECEIVED, NOW.minusSeconds(5)));

		assertThat(this.activity.stages()).contains(new PipelineActivity.StageActivity("RECEIVED", 1, 1));
	}

	@Test
	void aRecentVersionShowsTheStageItReachedAndHowLongEachStageTookFromSubmission() {
		Instant submitted = NOW.minusSeconds(10);
		this.activity.submitted(ArticleSubmitted.newBuilder()
			.setArticleId("a")
			.setVersion(2)
			.setHeadline("Tram line opens")
			.setBody("The tram runs.")
			.setSubmittedAt(submitted)
			.build());
		this.activity.status(status("a", 2, ArticleStage.RECEIVED, submitted.plusMillis(20)));
		this.activity.status(status("a", 2, ArticleStage.PUBLISHED, submitted.plusMillis(900)));
		this.activity.status(status("a", 2, ArticleStage.ENRICHED, submitted.plusMillis(700)));

		PipelineActivity.ArticleRun run = this.activity.recent(10).get(0);
		assertThat(run.articleId()).isEqualTo("a");
		assertThat(run.version()).isEqualTo(2);
		assertThat(run.headline()).isEqualTo("Tram line opens");
		assertThat(run.stage()).as("the latest stage, though its report came before another").isEqualTo("PUBLISHED");
		assertThat(run.millis()).containsEntry("RECEIVED", 20L)
			.containsEntry("ENRICHED", 700L)
			.containsEntry("PUBLISHED", 900L);
	}

	@Test
	void theMostRecentlyActiveVersionsAreKeptNewestFirst() {
		this.activity.status(status("a", 1, ArticleStage.RECEIVED, NOW.minusSeconds(4)));
		this.activity.status(status("b", 1, ArticleStage.RECEIVED, NOW.minusSeconds(3)));
		this.activity.status(status("c", 1, ArticleStage.RECEIVED, NOW.minusSeconds(2)));
		this.activity.status(status("a", 1, ArticleStage.ENRICHED, NOW.minusSeconds(1)));
		this.activity.status(status("d", 1, ArticleStage.RECEIVED, NOW));

		assertThat(this.activity.recent(10)).extracting(PipelineActivity.ArticleRun::articleId)
			.containsExactly("d", "a", "c");
	}

	private static ArticleStatus status(String id, int version, ArticleStage stage, Instant at) {
		return ArticleStatus.newBuilder()
			.setArticleId(id)
			.setVersion(version)
			.setStage(stage)
			.setService("test")
			.setSubmittedAt(at.minusMillis(at.toEpochMilli() % 1000 + 1000))
			.setOccurredAt(at)
			.build();
	}

}
