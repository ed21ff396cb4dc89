package io.pressline.publish.publication;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.pressline.event.ArticleEnriched;
import io.pressline.event.ArticlePublished;
import io.pressline.event.ArticleSubmitted;
import io.pressline.event.Enrichment;
import io.pressline.event.PublicationEventType;
import io.pressline.event.SubmissionAction;
import io.pressline.event.SubmissionReason;
import io.pressline.event.Topic;
import io.pressline.platform.enrichment.EnrichmentDigest;
import io.pressline.publish.PublishFixtures;
import io.pressline.publish.edition.Editions;
import io.pressline.publish.rules.PublicationRules;
import io.pressline.publish.rules.RuleSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A re-enrichment as the publisher carries it out: a new UPDATED version with the same
 * text where the enrichment changed, nothing for sites where it did not, and nothing at
 * all against an editor's later version, a retraction or a hold.
 */
class ReenrichmentPublicationTests {

	private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

	private final Publisher publisher = RecordedPublication.publisherAt(NOW);

	private final RecordedPublication out = new RecordedPublication();

	@Test
	void aChangedEnrichmentIsPublishedAsANewUpdatedVersionWithTheSameText() {
		ArticlePublished first = publishFirst();

		Outcome outcome = offer(replay(first, 2, economy()));

		assertThat(outcome.kind()).isEqualTo(Outcome.Kind.PUBLISHED);
		ArticlePublished update = outcome.event();
		assertThat(update.getVersion()).isEqualTo(2);
		assertThat(update.getEventType()).isEqualTo(PublicationEventType.UPDATED);
		assertThat(update.getNote()).isNull();
		assertThat(update.getHeadline()).isEqualTo(first.getHeadline());
		assertThat(update.getBody()).isEqualTo(first.getBody());
		assertThat(update.getSlug()).isEqualTo(first.getSlug());
		assertThat(update.getFirstPublishedAt()).isEqualTo(first.getFirstPublishedAt());
		assertThat(update.getEnrichment().getTopics()).extracting(Topic::getCode).containsExactly("04000000");
		assertThat(this.out.latest.get("a")).isEqualTo(update);
		assertThat(this.out.find("a").decidedVersion()).isEqualTo(2);
	}

	@Test
	void anUnchangedEnrichmentPublishesNothingAndSaysSo() {
		ArticlePublished first = publishFirst();
		int states = this.out.stateRecords.size();

		Outcome outcome = offer(replay(first, 2, first.getEnrichment()));

		assertThat(outcome.kind()).isEqualTo(Outcome.Kind.UNCHANGED);
		assertThat(this.out.published).containsExactly(first);
		assertThat(this.out.stateRecords).hasSize(states);
		assertThat(this.out.find("a").decidedVersion()).isEqualTo(1);
		assertThat(this.out.statuses).last()
			.isEqualTo("v2 PUBLISHED: unchanged by re-enrichment: version 1 stays published");
	}

	@Test
	void afterAnUnchangedReplayTheReplayedVersionCanBeReplayedAgainAndTheEditorsNextVersionPublishes() {
		ArticlePublished first = publishFirst();
		offer(replay(first, 2, first.getEnrichment()));

		Outcome again = offer(replay(first, 3, economy()));
		Outcome editor = offer(draft("a", 4).setHeadline("Night buses return for good"));

		assertThat(again.kind()).isEqualTo(Outcome.Kind.PUBLISHED);
		assertThat(editor.kind()).isEqualTo(Outcome.Kind.PUBLISHED);
		assertThat(this.out.published).extracting(ArticlePublished::getVersion).containsExactly(1, 3, 4);
	}

	@Test
	void anEditorsNewerVersionWinsOverAReplayOfTheOlderOne() {
		ArticlePublished first = publishFirst();
		offer(draft("a", 2).setHeadline("Night buses return on Monday"));

		Outcome outcome = offer(replay(first, 3, economy()));

		assertThat(outcome.kind()).isEqualTo(Outcome.Kind.IGNORED);
		assertThat(this.out.published).extracting(ArticlePublished::getVersion).containsExactly(1, 2);
		assertThat(this.out.latest.get("a").getHeadline()).isEqualTo("Night buses return on Monday");
	}

	@Test
	void aRetractedArticleIsNotRevived() {
		ArticlePublished first = publishFirst();
		offer(draft("a", 2).setAction(SubmissionAction.RETRACT).setHeadline("").setBody(""));
		int published = this.out.published.size();

		Outcome outcome = offer(replay(first, 3, economy()));

		assertThat(outcome.kind()).isEqualTo(Outcome.Kind.IGNORED);
		assertThat(this.out.published).hasSize(published);
		assertThat(this.out.latest).doesNotContainKey("a");
		assertThat(this.out.find("a").retracted()).isTrue();
	}

	@Test
	void aHeldVersionKeepsItsEmbargoAndTheReplayPublishesNothing() {
		ArticlePublished first = publishFirst();
		Instant embargo = NOW.plusSeconds(600);
		offer(draft("a", 2).setEmbargoUntil(embargo));
		int statuses = this.out.statuses.size();

		Outcome outcome = offer(replay(first, 3, economy()));

		assertThat(outcome.kind()).isEqualTo(Outcome.Kind.IGNORED);
		assertThat(this.out.published).containsExactly(first);
		assertThat(this.out.find("a").holds(2)).isTrue();
		assertThat(this.out.find("a").releaseAt()).isEqualTo(embargo);
		// The editor still sees the hold: the replay wrote no status over it.
		assertThat(this.out.statuses).hasSize(statuses);
	}

	@Test
	void aReplayOfAnArticleNeverPublishedPublishesNothing() {
		// Published as far as some other record says, not as far as this state knows.
		ArticlePublished first = publishedElsewhere();

		Outcome outcome = offer(replay(first, 2, economy()));

		assertThat(outcome.kind()).isEqualTo(Outcome.Kind.IGNORED);
		assertThat(this.out.published).isEmpty();
		assertThat(this.out.stateRecords).isEmpty();
	}

	private ArticlePublished publishFirst() {
		return offer(draft("a", 1)).event();
	}

	/**
	 * As ingest-service replays a published version: its text, its digest, a new number.
	 */
	private static ArticleEnriched replay(ArticlePublished published, int version, Enrichment newEnrichment) {
		ArticleSubmitted submission = draft(published.getArticleId(), version).setHeadline(published.getHeadline())
			.setBody(published.getBody())
			.setSection(published.getSection())
			.setLanguage(published.getLanguage())
			.setSubmittedAt(published.getSubmittedAt())
			.setReason(SubmissionReason.REENRICHMENT)
			.setReplayOf(published.getVersion())
			.setReplayedEnrichmentDigest(EnrichmentDigest.of(published.getEnrichment()))
			.build();
		return ArticleEnriched.newBuilder().setSubmission(submission).setEnrichment(newEnrichment).build();
	}

	private static Enrichment economy() {
		return Enrichment.newBuilder(PublishFixtures.enrichment(NOW))
			.setTopics(List.of(Topic.newBuilder().setCode("04000000").setLabel("economy").setScore(0.8).build()))
			.build();
	}

	private static ArticlePublished publishedElsewhere() {
		ArticleEnriched elsewhere = PublishFixtures.enriched(draft("a", 1).build());
		return new Publisher(new PublicationRules(RuleSettings.open("news")), new Editions("https://news.example.org"),
				Clock.fixed(NOW, ZoneOffset.UTC))
			.handle(elsewhere, false, new RecordedPublication(), new RecordedPublication())
			.event();
	}

	private Outcome offer(ArticleEnriched version) {
		return this.publisher.handle(version, false, this.out, this.out);
	}

	private Outcome offer(ArticleSubmitted.Builder draft) {
		return offer(PublishFixtures.enriched(draft.build()));
	}

	private static ArticleSubmitted.Builder draft(String id, int version) {
		return PublishFixtures.draft(id, version).setSubmittedAt(NOW.minusSeconds(10));
	}

}
