package io.pressline.local;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When the local pipeline starts a service instance again after it died: after a back-off
 * that doubles with each restart of that instance in the window (1 s, 2 s, 4 s ... up to
 * {@code maxBackoff}), and not at all once it has been restarted {@code maxRestarts}
 * times within the window: an instance that dies that often will not heal by itself, and
 * its log says why.
 *
 * @param maxRestarts restarts of one instance allowed within the window; 0 restarts
 * nothing
 * @param window how far back restarts count
 * @param initialBackoff wait before the first restart in the window
 * @param maxBackoff longest wait before a restart
 */
public record RestartPolicy(int maxRestarts, Duration window, Duration initialBackoff, Duration maxBackoff) {

	/** At most 5 restarts in 10 minutes, after 1 s, 2 s, 4 s, 8 s, 16 s. */
	public static final RestartPolicy DEFAULT = new RestartPolicy(5, Duration.ofMinutes(10), Duration.ofSeconds(1),
			Duration.ofSeconds(30));

	public RestartPolicy {
		if (maxRestarts < 0) {
			throw new IllegalArgumentException("maxRestarts must be at least 0, not " + maxRestarts);
		}
		if (window.isNegative() || window.isZero() || initialBackoff.isNegative()
				|| maxBackoff.compareTo(initialBackoff) < 0) {
			throw new IllegalArgumentException("window must be positive and maxBackoff at least initialBackoff");
		}
	}

	/** The same policy with another limit, as {@code --max-restarts} gives it. */
	public RestartPolicy withMaxRestarts(int maxRestarts) {
		return new RestartPolicy(maxRestarts, this.window, this.initialBackoff, this.maxBackoff);
	}

	/** The same policy with another window, as {@code --restart-window} gives it. */
	public RestartPolicy withWindow(Duration window) {
		return new RestartPolicy(this.maxRestarts, window, this.initialBackoff, this.maxBackoff);
	}

	/**
	 * How long to wait before restarting an instance that died now.
	 * @param restarts when the instance was restarted before, any order
	 * @param now the time of its death
	 * @return the back-off, or empty to give up on the instance
	 */
	public Optional<Duration> backoff(List<Instant> restarts, Instant now) {
		int recent = recent(restarts, now);
		if (recent >= this.maxRestarts) {
			return Optional.empty();
		}
		Duration backoff = this.initialBackoff;
		for (int i = 0; i < recent && backoff.compareTo(this.maxBackoff) < 0; i++) {
			backoff = backoff.multipliedBy(2);
		}
		return Optional.of((backoff.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : backoff);
	}

	/** How many of the restarts count at {@code now}: those within the window. */
	int recent(List<Instant> restarts, Instant now) {
		return (int) restarts.stream().filter((restart) -> restart.isAfter(now.minus(this.window))).count();
	}

	/** How the limit reads in the launcher's messages: "5 in 10 min". */
	String describeLimit() {
		return this.maxRestarts + " in " + describe(this.window);
	}

	static String describe(Duration duration) {
		if (duration.toSecondsPart() == 0 && duration.toMinutes() > 0) {
			return duration.toMinutes() + " min";
		}
		if (duration.toMillisPart() == 0) {
			return duration.toSeconds() + " s";
		}
		return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
	}

}
