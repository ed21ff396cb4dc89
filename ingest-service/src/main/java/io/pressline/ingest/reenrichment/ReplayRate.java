package io.pressline.ingest.reenrichment;

import java.util.function.LongSupplier;

/**
 * The re-enrichment's speed limit, a token bucket: {@code perSecond} articles a second on
 * average, at most {@code burst} at once after a pause. Plain Java; the time comes from a
 * nanosecond clock passed in, so a test can count what it lets through.
 */
final class ReplayRate {

	private static final double NANOS_PER_SECOND = 1e9;

	/** What sums of fractions of a token may lose to rounding. */
	private static final double ROUNDING = 1e-9;

	private final double perSecond;

	private final double burst;

	private final LongSupplier nanoTime;

	private double tokens;

	private long filledAt;

	/**
	 * @param perSecond the average rate, more than zero
	 * @param burst the most articles let through at once, at least one
	 * @param nanoTime the clock, as {@link System#nanoTime()}
	 */
	ReplayRate(double perSecond, int burst, LongSupplier nanoTime) {
		if (!(perSecond > 0)) {
			throw new IllegalArgumentException("The re-enrichment rate must be more than zero, not " + perSecond);
		}
		if (burst < 1) {
			throw new IllegalArgumentException("The re-enrichment burst must be at least 1, not " + burst);
		}
		this.perSecond = perSecond;
		this.burst = burst;
		this.nanoTime = nanoTime;
		// Starts with one token, not a full bucket: a run that starts does not begin
		// with a burst on a pipeline that may be busy.
		this.tokens = 1;
		this.filledAt = nanoTime.getAsLong();
	}

	/** Takes one article's token if there is one. */
	synchronized boolean tryTake() {
		fill();
		if (this.tokens >= 1 - ROUNDING) {
			this.tokens = Math.max(0, this.tokens - 1);
			return true;
		}
		return false;
	}

	/** How long until the next token, in nanoseconds; zero if there is one. */
	synchronized long nanosToNext() {
		fill();
		return (this.tokens >= 1 - ROUNDING) ? 0
				: (long) Math.ceil((1 - this.tokens) / this.perSecond * NANOS_PER_SECOND);
	}

	double perSecond() {
		return this.perSecond;
	}

	private void fill() {
		long now = this.nanoTime.getAsLong();
		long elapsed = now - this.filledAt;
		if (elapsed > 0) {
			this.tokens = Math.min(this.burst, this.tokens + elapsed / NANOS_PER_SECOND * this.perSecond);
			this.filledAt = now;
		}
	}

}
