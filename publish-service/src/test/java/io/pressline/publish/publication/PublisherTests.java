package io.pressline.publish.publication;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.pressline.event.ArticleEnriched;
import io.pressline.event.ArticlePublished;
import io.pressline.event.ArticleSubmitted;
import io.pressline.event.PublicationEventType;
import io.pressline.event.SubmissionAction;
import io.pressline.publish.PublishFixtures;
import io.pressline.publish.ledger.ArticleState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publisher's decisions turned into records, with no broker: each test pins what a
 * version (or a release) leads to, given what was decided before.
 */
class PublisherTests {

	private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

	private final Publisher publisher = RecordedPublication.publisherAt(NOW);

	private final RecordedPublication out = new RecordedPublication();

	@Test
	void aFirstVersionIsPublishedToSitesAndTheLatestStateAndRemembered() {
		Outcome outcome = offer(draft("a", 1));

		assertThat(outcome.kind()).isEqualTo(Outcome.Kind.PUBLISHED);
		assertThat(this.out.published).singleElement().satisfies((event) -> {
			assertThat(event.getEventType()).isEqualTo(PublicationEventType.PUBLISHED);
			assertThat(event.getFirstPublishedAt()).isEqualTo(NOW);
		});
		assertThat(this.out.latest.get("a")).isEqualTo(outcome.event());
		assertThat(this.out.find("a").decidedVersion()).isEqualTo(1);
		assertThat(this.out.stateRecords).last().isEqualTo(this.out.find("a"));
		assertThat(this.out.statuses).containsExactly("v1 PUBLISHED");
	}

	@Test
	void aLaterVersionKeepsTheSlugAndFirstPublicationTimeAndACorrectionSaysSo() {
		offer(draft("a", 1));
		ArticlePublished first = this.out.published.get(0);

		offer(draft("a", 2).setHeadline("A new headline"));
		offer(draft("a", 3).setNote("The date was wrong."));

		assertThat(this.out.published).extracting(ArticlePublished::getEventType)
			.containsExactly(PublicationEventType.PUBLISHED, PublicationEventType.UPDATED,
					PublicationEventType.CORRECTED);
		assertThat(this.out.published).extracting(ArticlePublished::getSlug).containsOnly(first.getSlug());
		assertThat(this.out.published).extracting(ArticlePublished::getFirstPublishedAt)
			.containsOnly(first.getFirstPublishedAt());
	}

	@Test
	void aVersionNoNewerThanWhatWasPublishedIsIgnoredAndWritesNothing() {
		offer(draft("a", 2));
		int records = this.out.stateRecords.size();

		Outcome outcome = offer(draft("a", 1));

		assertThat(outcome.kind()).isEqualTo(Outcome.Kind.IGNORED);
		assertThat(this.out.published).hasSize(1);
		assertThat(this.out.stateRecords).hasSize(records);
	}

	@Test
	void anEmbargoedVersionIsHeldWithItsTimeAndNothingGoesToSites() {
		Instant embargo = NOW.plusSeconds(60);

		Outcome outcome = offer(draft("a", 1).setEmbargoUntil(embargo));

		assertThat(outcome.kind()).isEqualTo(Outcome.Kind.HELD);
		assertThat(this.out.published).isEmpty();
		assertThat(this.out.find("a").holds(1)).isTrue();
		assertThat(this.out.find("a").releaseAt()).isEqualTo(embargo);
		assertThat(this.out.statuses).containsExactly("v1 HELD: embargoed until " + embargo);
	}

	@Test
	void aReleaseOfTheHeldVersionAfterItsTimePublishesItOnce() {
		Publisher later = RecordedPublication.publisherAt(NOW.plusSeconds(61));
		ArticleEnriched held = enriched(draft("a", 1).setEmbargoUntil(NOW.plusSeconds(60)));
		this.publisher.handle(held, false, this.out, this.out);

		Outcome released = later.handle(held, true, this.out, this.out);
		Outcome again = later.handle(held, true, this.out, this.out);

		assertThat(released.kind()).isEqualTo(Outcome.Kind.PUBLISHED);
		assertThat(again.kind()).isEqualTo(Outcome.Kind.IGNORED);
		assertThat(this.out.published).hasSize(1);
		assertThat(this.out.find("a").held()).isNull();
	}

	@Test
	void aReleaseThatComesTooEarlyIsHeldAgainForTheRest() {
		Instant embargo = NOW.plusSeconds(60);
		ArticleEnriched held = enriched(draft("a", 1).setEmbargoUntil(embargo));
		this.publisher.handle(held, false, this.out, this.out);

		// a release read by an instance whose clock is behind the one that sent it
		Outcome early = RecordedPublication.publisherAt(embargo.minusMillis(5)).handle(held, true, this.out, this.out);

		assertThat(early.kind()).isEqualTo(Outcome.Kind.HELD);
		assertThat(this.out.published).isEmpty();
		assertThat(this.out.find("a").releaseAt()).isEqualTo(embargo);
	}

	@Test
	void aReleaseOfAVersionSupersededByANewerOneIsIgnored() {
		ArticleEnriched held = enriched(draft("a", 1).setEmbargoUntil(NOW.plusSeconds(60)));
		this.publisher.handle(held, false, this.out, this.out);
		offer(draft("a", 2));

		Outcome release = RecordedPublication.publisherAt(NOW.plusSeconds(61)).handle(held, true, this.out, this.out);

		assertThat(release.kind()).isEqualTo(Outcome.Kind.IGNORED);
		assertThat(this.out.published).extracting(ArticlePublished::getVersion).containsExactly(2);
	}

	@Test
	void aNewerVersionReplacesTheHeldOneAndCancelsItsEmbargo() {
		offer(draft("a", 1).setEmbargoUntil(NOW.plusSeconds(60)));

		offer(draft("a", 2));

		assertThat(this.out.find("a").held()).isNull();
		assertThat(this.out.find("a").releaseAt()).isNull();
		assertThat(this.out.published).extracting(ArticlePublished::getVersion).containsExactly(2);
	}

	@Test
	void aLegalHoldWaitsWithoutATimeUntilAVersionWithoutIt() {
		offer(draft("a", 1).setLegalHold(true));

		assertThat(this.out.find("a").holds(1)).isTrue();
		assertThat(this.out.find("a").releaseAt()).isNull();

		offer(draft("a", 2));

		assertThat(this.out.published).extracting(ArticlePublished::getEventType)
			.containsExactly(PublicationEventType.PUBLISHED);
		assertThat(this.out.find("a").held()).isNull();
	}

	@Test
	void aRetractionTakesThePublishedArticleDownAndNothingLaterComesBack() {
		offer(draft("a", 1));

		Outcome retraction = offer(
				draft("a", 2).setAction(SubmissionAction.RETRACT).setHeadline("").setBody("").setNote("Withdrawn."));
		Outcome later = offer(draft("a", 3));

		assertThat(retraction.kind()).isEqualTo(Outcome.Kind.RETRACTED);
		assertThat(retraction.event().getEventType()).isEqualTo(PublicationEventType.RETRACTED);
		assertThat(retraction.event().getHeadline()).isEqualTo("Night buses return");
		assertThat(retraction.event().getBody()).isEmpty();
		assertThat(this.out.removedLatest).containsExactly("a");
		assertThat(this.out.find("a").retracted()).isTrue();
		assertThat(later.kind()).isEqualTo(Outcome.Kind.IGNORED);
		assertThat(this.out.published).extracting(ArticlePublished::getEventType)
			.containsExactly(PublicationEventType.PUBLISHED, PublicationEventType.RETRACTED);
	}

	@Test
	void aRetractionBeforePublicationIsRememberedSoALaterVersionIsNotPublished() {
		offer(draft("a", 1).setEmbargoUntil(NOW.plusSeconds(60)));

		Outcome retraction = offer(draft("a", 2).setAction(SubmissionAction.RETRACT).setHeadline("").setBody(""));
		Outcome later = offer(draft("a", 3));

		assertThat(retraction.kind()).isEqualTo(Outcome.Kind.RETRACTED);
		assertThat(retraction.event()).isNull();
		assertThat(this.out.published).isEmpty();
		assertThat(this.out.find("a").held()).isNull();
		assertThat(later.kind()).isEqualTo(Outcome.Kind.IGNORED);
	}

	@Test
	void aVersionInAnUnknownSectionIsRejectedAndChangesNoState() {
		Outcome outcome = offer(draft("a", 1).setSection("gardening"));

		assertThat(outcome.kind()).isEqualTo(Outcome.Kind.REJECTED);
		assertThat(this.out.stateRecords).isEmpty();
		assertThat(this.out.statuses).singleElement().asString().startsWith("v1 REJECTED: section 'gardening'");
	}

	@Test
	void theStateRecordCarriesNoArticleTextSoItStaysSmall() {
		offer(draft("a", 1).setBody("A long body. ".repeat(10_000)));

		ArticleState state = this.out.stateRecords.get(0);

		assertThat(state.lastEvent().getBody()).isEmpty();
		assertThat(state.lastEvent().getBodyHtml()).isEmpty();
		assertThat(state.toRecord().getLastEvent().remaining()).isLessThan(2_000);
		assertThat(ArticleState.of(state.toRecord())).isEqualTo(state);
	}

	private Outcome offer(ArticleSubmitted.Builder draft) {
		return this.publisher.handle(enriched(draft), false, this.out, this.out);
	}

	private static ArticleEnriched enriched(ArticleSubmitted.Builder draft) {
		return PublishFixtures.enriched(draft.build());
	}

	private static ArticleSubmitted.Builder draft(String id, int version) {
		return PublishFixtures.draft(id, version).setSubmittedAt(NOW.minusSeconds(10));
	}

}
