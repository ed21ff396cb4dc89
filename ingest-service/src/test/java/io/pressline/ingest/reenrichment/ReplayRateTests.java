package io.pressline.ingest.reenrichment;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReplayRateTests {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	@Test
	void aRunStartsWithOneArticleNotAFullBurst() {
		ReplayRate rate = new ReplayRate(5, 5, this.now::get);

		assertThat(taken(rate, 100)).isEqualTo(1);
		assertThat(rate.nanosToNext()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
	}

	@Test
	void overTimeItLetsThroughTheRateAndNoMore() {
		ReplayRate rate = new ReplayRate(5, 5, this.now::get);
		int taken = taken(rate, 100);

		for (int tenth = 0; tenth < 100; tenth++) {
			advanceMillis(100);
			taken += taken(rate, 100);
		}

		// Ten seconds at five a second, and the one it started with.
		assertThat(taken).isEqualTo(51);
	}

	@Test
	void afterAPauseNoMoreThanTheBurstGoesAtOnce() {
		ReplayRate rate = new ReplayRate(5, 3, this.now::get);
		taken(rate, 100);

		advanceMillis(60_000);

		assertThat(taken(rate, 100)).isEqualTo(3);
		assertThat(rate.nanosToNext()).isPositive();
	}

	@Test
	void aRateBelowOneASecondWaitsSeconds() {
		ReplayRate rate = new ReplayRate(0.5, 1, this.now::get);
		taken(rate, 1);

		advanceMillis(1_999);
		assertThat(rate.tryTake()).isFalse();
		advanceMillis(1);
		assertThat(rate.tryTake()).isTrue();
	}

	@Test
	void aRateOfZeroOrABurstBelowOneIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ReplayRate(0, 1, this.now::get))
			.withMessageContaining("rate");
		assertThatIllegalArgumentException().isThrownBy(() -> new ReplayRate(1, 0, this.now::get))
			.withMessageContaining("burst");
	}

	private void advanceMillis(long millis) {
		this.now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
	}

	private static int taken(ReplayRate rate, int tries) {
		int taken = 0;
		for (int i = 0; i < tries; i++) {
			if (rate.tryTake()) {
				taken++;
			}
		}
		return taken;
	}

}
