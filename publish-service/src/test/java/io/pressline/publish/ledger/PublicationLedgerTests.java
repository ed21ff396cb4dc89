package io.pressline.publish.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.pressline.event.ArticleEnriched;
import io.pressline.publish.PublishFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger of the partitions an instance owns, and the changes of a transaction. */
class PublicationLedgerTests {

	private final PublicationLedger ledger = PublicationLedger.temporary();

	@AfterEach
	void close() {
		this.ledger.close();
	}

	@Test
	void changesAreSeenWithinTheirTransactionAndReachTheLedgerOnlyWhenApplied() {
		LedgerChanges changes = new LedgerChanges(this.ledger);
		ArticleStates states = changes.on(2);
		states.put(ArticleState.unknown("a").retractedUnpublished(3));

		assertThat(states.find("a").decidedVersion()).isEqualTo(3);
		assertThat(this.ledger.find(2, "a")).isEmpty();

		List<String> applied = new ArrayList<>();
		changes.apply((partition, state) -> applied.add(partition + "/" + state.articleId()));

		assertThat(this.ledger.find(2, "a")).map(ArticleState::decidedVersion).contains(3);
		assertThat(applied).containsExactly("2/a");
	}

	@Test
	void changesNeverAppliedLeaveTheLedgerAsItWas() {
		this.ledger.put(0, ArticleState.unknown("a").retractedUnpublished(1));
		LedgerChanges rolledBack = new LedgerChanges(this.ledger);

		rolledBack.on(0).put(ArticleState.unknown("a"));

		assertThat(this.ledger.find(0, "a")).map(ArticleState::retracted).contains(true);
	}

	@Test
	void theHeldIndexListsEmbargoesButNotLegalHoldsAndFollowsEachState() {
		Instant embargo = Instant.parse("2026-12-03T10:00:00Z");
		ArticleEnriched one = PublishFixtures.enriched(PublishFixtures.draft("a", 1).build());
		ArticleEnriched two = PublishFixtures.enriched(PublishFixtures.draft("b", 1).build());
		this.ledger.put(1, ArticleState.unknown("a").holding(one, embargo));
		this.ledger.put(1, ArticleState.unknown("b").holding(two, null));

		assertThat(this.ledger.embargoes(1)).containsExactly(new PublicationLedger.Embargo(1, "a", embargo));

		this.ledger.put(1, this.ledger.find(1, "a").orElseThrow().unholdingUpTo(1));

		assertThat(this.ledger.embargoes(1)).isEmpty();
	}

	@Test
	void anArchiveFarLargerThanTheCacheStaysOnDiskWithEveryStateFound() throws Exception {
		java.nio.file.Path directory = java.nio.file.Files.createTempDirectory("ledger-test-");
		try (PublicationLedger small = new PublicationLedger(directory.resolve("store"), 1)) {
			ArticleState published = ArticleState.unknown("x")
				.after(new io.pressline.publish.edition.Editions("https://news.example.org").edition(
						PublishFixtures.enriched(PublishFixtures.draft("x", 1).build()),
						new io.pressline.publish.rules.Decision.Publish(
								io.pressline.event.PublicationEventType.PUBLISHED, Instant.now(), "local"),
						null, Instant.now()));
			for (int i = 0; i < 20_000; i++) {
				small.put(i % 3, new ArticleState("article-" + i, 1, false, published.lastEvent(), null, null));
			}

			assertThat(small.find(2, "article-19997")).map(ArticleState::decidedVersion).contains(1);
			assertThat(small.size(0) + small.size(1) + small.size(2)).isEqualTo(20_000);
			assertThat(small.cacheBytesUsed()).isLessThanOrEqualTo(1024 * 1024);
		}
		assertThat(java.nio.file.Files.exists(directory.resolve("store"))).isFalse();
	}

	@Test
	void aDroppedPartitionIsForgottenAndTheOthersKept() {
		this.ledger.put(0, ArticleState.unknown("a").retractedUnpublished(1));
		this.ledger.put(1, ArticleState.unknown("b").retractedUnpublished(1));

		this.ledger.drop(0);

		assertThat(this.ledger.find(0, "a")).isEmpty();
		assertThat(this.ledger.find(1, "b")).isPresent();
		assertThat(this.ledger.size(0)).isZero();
	}

}
