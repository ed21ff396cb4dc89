package io.pressline.ingest.submission;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IdempotencyKeysTests {

	private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");

	private final MutableClock clock = new MutableClock();

	private final AtomicInteger submitted = new AtomicInteger();

	@Test
	void aRepeatedKeyAnswersWithTheFirstReceiptAndSubmitsOnce() {
		IdempotencyKeys keys = new IdempotencyKeys(Duration.ofHours(24), 10, this.clock);

		IdempotencyKeys.Outcome first = keys.once("k", () -> "draft", this::submit);
		IdempotencyKeys.Outcome again = keys.once("k", () -> "draft", this::submit);

		assertThat(again.receipt()).isEqualTo(first.receipt());
		assertThat(again.replayed()).isTrue();
		assertThat(this.submitted).hasValue(1);
		assertThatExceptionOfType(IdempotencyKeys.KeyReuseException.class)
			.isThrownBy(() -> keys.once("k", () -> "another draft", this::submit))
			.satisfies((ex) -> assertThat(ex.inFlight()).isFalse());
	}

	@Test
	void pastTheLimitTheOldestKeysAreForgottenFirst() {
		IdempotencyKeys keys = new IdempotencyKeys(Duration.ofHours(24), 3, this.clock);

		for (int i = 1; i <= 5; i++) {
			keys.once("key-" + i, () -> "draft", this::submit);
			this.clock.advance(Duration.ofSeconds(1));
		}
		keys.remember("learnt", "draft", new SubmittedVersion("x", 1), this.clock.instant());

		assertThat(keys.size()).isEqualTo(3);
		assertThat(keys.remembers("key-1")).isFalse();
		assertThat(keys.remembers("key-2")).isFalse();
		assertThat(keys.remembers("key-3")).isFalse();
		assertThat(keys.remembers("key-4")).isTrue();
		assertThat(keys.remembers("key-5")).isTrue();
		assertThat(keys.remembers("learnt")).isTrue();
		assertThat(keys.once("key-1", () -> "draft", this::submit).replayed()).as("forgotten, so submitted again")
			.isFalse();
	}

	@Test
	void aKeyWhoseRequestStillRunsIsNotForgottenForTheLimit() throws Exception {
		IdempotencyKeys keys = new IdempotencyKeys(Duration.ofHours(24), 2, this.clock);
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<IdempotencyKeys.Outcome> slow = CompletableFuture
			.supplyAsync(() -> keys.once("slow", () -> "draft", () -> {
				running.countDown();
				await(release);
				return submit();
			}));
		assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

		keys.once("a", () -> "draft", this::submit);
		keys.once("b", () -> "draft", this::submit);
		keys.once("c", () -> "draft", this::submit);

		assertThatExceptionOfType(IdempotencyKeys.KeyReuseException.class)
			.isThrownBy(() -> keys.once("slow", () -> "draft", this::submit))
			.satisfies((ex) -> assertThat(ex.inFlight()).isTrue());
		release.countDown();
		assertThat(slow.get(10, TimeUnit.SECONDS).replayed()).isFalse();
		assertThat(keys.remembers("slow")).isTrue();
		assertThat(keys.remembers("c")).isTrue();
		assertThat(keys.size()).isEqualTo(2);
	}

	@Test
	void aKeyIsForgottenAfterTheWindowAndAnOldOneIsNotLearnt() {
		IdempotencyKeys keys = new IdempotencyKeys(Duration.ofHours(24), 10, this.clock);
		keys.once("k", () -> "draft", this::submit);
		keys.remember("old", "draft", new SubmittedVersion("x", 1), T0.minus(Duration.ofHours(25)));

		this.clock.advance(Duration.ofHours(25));

		assertThat(keys.remembers("k")).isFalse();
		assertThat(keys.remembers("old")).isFalse();
		assertThat(keys.once("k", () -> "draft", this::submit).replayed()).isFalse();
	}

	@Test
	void aFailedSubmissionForgetsItsKeySoARetryRuns() {
		IdempotencyKeys keys = new IdempotencyKeys(Duration.ofHours(24), 10, this.clock);

		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> keys.once("k", () -> "draft", () -> {
			throw new IllegalStateException("Kafka is away");
		}));

		assertThat(keys.once("k", () -> "draft", this::submit).replayed()).isFalse();
	}

	@Test
	void theLimitIsAtLeastOneKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> new IdempotencyKeys(Duration.ofHours(1), 0, this.clock));
	}

	private SubmittedVersion submit() {
		return new SubmittedVersion("article-" + this.submitted.incrementAndGet(), 1);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static final class MutableClock extends Clock {

		private Instant now = T0;

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
