package io.pressline.ingest.submission;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import org.springframework.kafka.support.KafkaNull;

import io.pressline.event.ArticleSubmitted;
import io.pressline.event.SubmissionReason;
import io.pressline.event.serde.EventSchemas;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every instance does with a draft read back from {@code articles.submitted}: the
 * desk and the status page hear of editors' versions, not of the archive's replays.
 */
class SubmittedKeysTests {

	static {
		EventSchemas.trust();
	}

	private final List<String> told = new ArrayList<>();

	private final Consumer<List<ArticleSubmitted>> readBack;

	SubmittedKeysTests() {
		SubmissionFeed feed = new SubmissionFeed();
		feed.onSubmission((submitted) -> this.told.add(submitted.getArticleId() + " v" + submitted.getVersion()));
		this.readBack = new SubmittedKeysConfiguration()
			.submittedKeys(new IdempotencyKeys(Duration.ofHours(24), 10, Clock.systemUTC()), feed);
	}

	@Test
	void anEditorsVersionIsToldAndAReplayOfTheArchiveIsNot() {
		this.readBack.accept(
				List.of(draft(1).build(), draft(2).setReason(SubmissionReason.REENRICHMENT).setReplayOf(1).build()));
		this.readBack.accept(List.of(draft(3).build()));

		assertThat(this.told).containsExactly("a v1", "a v3");
	}

	@Test
	void aRecordThatCouldNotBeDecodedIsPassedOverAndTheRestOfItsPollIsRead() {
		List<ArticleSubmitted> poll = new ArrayList<>();
		poll.add(draft(1).build());
		poll.add(null);
		poll.add(draft(2).build());
		addUnchecked(poll, KafkaNull.INSTANCE);
		poll.add(draft(3).build());
		this.readBack.accept(poll);

		assertThat(this.told).containsExactly("a v1", "a v2", "a v3");
	}

	/**
	 * The binder hands an undecodable value over as KafkaNull in a list typed otherwise.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static void addUnchecked(List poll, Object value) {
		poll.add(value);
	}

	private static ArticleSubmitted.Builder draft(int version) {
		return ArticleSubmitted.newBuilder()
			.setArticleId("a")
			.setVersion(version)
			.setHeadline("Night buses return")
			.setBody("The buses run on Friday.")
			.setSubmittedAt(Instant.parse("2026-12-03T09:00:00Z"));
	}

}
