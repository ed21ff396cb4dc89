package io.pressline.local;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** When the local pipeline restarts an instance that died, and when it gives up. */
class RestartPolicyTests {

	private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

	/**
	 * @param restartsAgo seconds before now of each earlier restart, space-separated
	 * @param backoff the wait before the next restart in seconds, or -1 for giving up
	 */
	@ParameterizedTest(name = "restarts {0} s ago: back-off {1} s")
	@CsvSource({ "'', 1", "'30', 2", "'50 30', 4", "'70 50 30', 8", "'90 70 50 30', 16", "'110 90 70 50 30', -1",
			// Restarts older than the window (10 min) no longer count.
			"'700 650 620 610 605', 1", "'700 650 620 610 30', 2" })
	void backsOffDoublingAndGivesUpAfterTheLimitWithinTheWindow(String restartsAgo, long backoff) {
		List<Instant> restarts = restartsAgo.isBlank() ? List.of()
				: java.util.Arrays.stream(restartsAgo.split(" "))
					.map((s) -> NOW.minusSeconds(Long.parseLong(s)))
					.toList();
		assertThat(RestartPolicy.DEFAULT.backoff(restarts, NOW))
			.isEqualTo((backoff < 0) ? Optional.empty() : Optional.of(Duration.ofSeconds(backoff)));
	}

	@ParameterizedTest(name = "{0} restarts before: {1} s")
	@CsvSource({ "0, 1", "4, 16", "5, 30", "8, 30" })
	void theBackOffStopsGrowingAtItsMaximum(int earlier, long backoff) {
		RestartPolicy policy = RestartPolicy.DEFAULT.withMaxRestarts(10);
		List<Instant> restarts = java.util.stream.IntStream.range(0, earlier).mapToObj(NOW::minusSeconds).toList();
		assertThat(policy.backoff(restarts, NOW)).contains(Duration.ofSeconds(backoff));
	}

	@Test
	void noRestartsAtAllWhenTheLimitIsZero() {
		assertThat(RestartPolicy.DEFAULT.withMaxRestarts(0).backoff(List.of(), NOW)).isEmpty();
	}

}
