package io.pressline.publish.desk;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.pressline.event.ArticleSubmitted;
import io.pressline.event.PublicationEventType;

import static org.assertj.core.api.Assertions.assertThat;

class EditorialDeskTests {

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	private final EditorialDesk desk = new EditorialDesk();

	@Test
	void aFirstVersionIsPublishedNow() {
		Decision decision = this.desk.decide(draft(1, null), Optional.empty(), NOW);

		assertThat(decision).isEqualTo(new Decision.Publish(PublicationEventType.PUBLISHED, NOW));
	}

	@Test
	void aLaterVersionIsAnUpdateThatKeepsTheFirstPublicationTime() {
		Instant first = NOW.minusSeconds(3600);

		Decision decision = this.desk.decide(draft(2, null), Optional.of(new PublishedVersion(1, first)), NOW);

		assertThat(decision).isEqualTo(new Decision.Publish(PublicationEventType.UPDATED, first));
	}

	@Test
	void aVersionNoNewerThanThePublishedOneIsIgnored() {
		Optional<PublishedVersion> published = Optional.of(new PublishedVersion(3, NOW));

		assertThat(this.desk.decide(draft(3, null), published, NOW)).isInstanceOf(Decision.Ignore.class);
		assertThat(this.desk.decide(draft(2, null), published, NOW)).isInstanceOf(Decision.Ignore.class);
	}

	@Test
	void anEmbargoedVersionIsHeldSayingUntilWhen() {
		Decision decision = this.desk.decide(draft(1, NOW.plusSeconds(60)), Optional.empty(), NOW);

		assertThat(decision).isEqualTo(new Decision.Hold("embargoed until 2026-11-25T10:01:00Z"));
	}

	@Test
	void aVersionWhoseEmbargoHasPassedIsPublished() {
		Decision decision = this.desk.decide(draft(1, NOW.minusSeconds(1)), Optional.empty(), NOW);

		assertThat(decision).isInstanceOf(Decision.Publish.class);
	}

	private static ArticleSubmitted draft(int version, Instant embargoUntil) {
		return ArticleSubmitted.newBuilder()
			.setArticleId("a1")
			.setVersion(version)
			.setHeadline("Headline")
			.setBody("Body.")
			.setEmbargoUntil(embargoUntil)
			.setSubmittedAt(NOW.minusSeconds(5))
			.build();
	}

}
