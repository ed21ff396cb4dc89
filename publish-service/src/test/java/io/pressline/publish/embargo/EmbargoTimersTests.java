package io.pressline.publish.embargo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.pressline.event.ArticleEnriched;
import io.pressline.publish.PublishFixtures;
import io.pressline.publish.ledger.ArticleState;
import io.pressline.publish.ledger.PublicationLedger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embargo timers: they offer a held version again once its time comes, and only what
 * the ledger still holds then.
 */
class EmbargoTimersTests {

	private final PublicationLedger ledger = PublicationLedger.temporary();

	private final List<ArticleEnriched> released = new CopyOnWriteArrayList<>();

	private final EmbargoTimers timers = new EmbargoTimers(this.ledger, this.released::add, Clock.systemUTC(),
			Duration.ofMillis(50));

	@AfterEach
	void close() {
		this.timers.close();
		this.ledger.close();
	}

	@Test
	void aHeldVersionIsOfferedAgainWhenItsEmbargoEndsAndNotBefore() {
		// far enough ahead for the fixture to be built first, on a cold JVM
		Instant embargo = Instant.now().plusMillis(1500).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		ArticleState state = hold("a", embargo);

		this.timers.follow(0, state);

		assertThat(this.released).isEmpty();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.released.size() == 1);
		assertThat(Instant.now()).isAfterOrEqualTo(embargo);
		assertThat(this.released.get(0)).isEqualTo(state.held());
		assertThat(this.timers.armed()).isZero();
	}

	@Test
	void anEmbargoThatEndedWhileNobodyOwnedThePartitionIsOfferedAsSoonAsItIsAssigned() {
		hold("a", Instant.now().minusSeconds(30));

		this.timers.armPartition(0);

		await().atMost(Duration.ofSeconds(5)).until(() -> this.released.size() == 1);
	}

	@Test
	void aVersionNoLongerHeldWhenItsTimeComesIsNotOffered() {
		ArticleState state = hold("a", Instant.now().plusMillis(200));
		this.timers.follow(0, state);

		ArticleState published = state.unholdingUpTo(1);
		this.ledger.put(0, published);
		this.timers.follow(0, published);

		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(this.released::isEmpty);
		assertThat(this.timers.armed()).isZero();
	}

	@Test
	void aPartitionGivenAwayTakesItsTimersWithIt() {
		this.timers.follow(0, hold("a", Instant.now().plusMillis(200)));
		ArticleState other = hold("b", Instant.now().plusMillis(200));
		this.ledger.put(1, other);
		this.timers.follow(1, other);

		this.timers.disarmPartition(0);

		await().atMost(Duration.ofSeconds(5)).until(() -> this.released.size() == 1);
		assertThat(this.released.get(0).getSubmission().getArticleId()).isEqualTo("b");
	}

	@Test
	void aReleaseThatCannotBeWrittenIsTriedAgain() {
		AtomicInteger attempts = new AtomicInteger();
		try (EmbargoTimers flaky = new EmbargoTimers(this.ledger, (held) -> {
			if (attempts.incrementAndGet() < 3) {
				throw new IllegalStateException("broker away");
			}
			this.released.add(held);
		}, Clock.systemUTC(), Duration.ofMillis(50))) {
			flaky.follow(0, hold("a", Instant.now()));

			await().atMost(Duration.ofSeconds(5)).until(() -> this.released.size() == 1);
			assertThat(attempts).hasValue(3);
		}
	}

	private ArticleState hold(String id, Instant embargo) {
		ArticleEnriched version = PublishFixtures
			.enriched(PublishFixtures.draft(id, 1).setEmbargoUntil(embargo).build());
		ArticleState state = ArticleState.unknown(id).holding(version, embargo);
		this.ledger.put(0, state);
		return state;
	}

}
