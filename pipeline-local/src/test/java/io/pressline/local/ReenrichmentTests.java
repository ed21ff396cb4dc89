package io.pressline.local;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code reenrich} shows of the progress the service answers. */
class ReenrichmentTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aRunningRunShowsItsCountsRateAgainstTheLimitAndTimeLeft() {
		JsonNode progress = progress("RUNNING", 120, 1000, 100, 20, 4.5, "196", null);

		assertThat(Reenrichment.line(progress))
			.isEqualTo("120/1000 read, 100 replayed, 20 passed over, 4.5/s (limit 5/s), ETA 3m16s");
		assertThat(Reenrichment.going(progress)).isTrue();
	}

	@Test
	void aWaitingRunSaysWhyAndAFinishedOneIsDone() {
		assertThat(Reenrichment.line(progress("WAITING", 5, 10, 5, 0, 1, "5",
				"\"waiting for live traffic: 80 records queue for enrich and publish\"")))
			.endsWith("ETA 5 s (waiting for live traffic: 80 records queue for enrich and publish)");
		JsonNode finished = progress("FINISHED", 10, 10, 9, 1, 2, "null", null);
		assertThat(Reenrichment.line(finished)).endsWith(", done");
		assertThat(Reenrichment.going(finished)).isFalse();
	}

	private JsonNode progress(String state, long done, long total, long submitted, long skipped, double rate,
			String eta, String detail) {
		return this.json.readTree("""
				{"state": "%s", "run": "r1", "startedAt": "2026-12-03T18:00:00Z", "done": %d, "total": %d,
				 "submitted": %d, "skipped": %d, "ratePerSecond": %s, "etaSeconds": %s, "limitPerSecond": 5.0,
				 "detail": %s}
				""".formatted(state, done, total, submitted, skipped, rate, eta, (detail != null) ? detail : "null"));
	}

}
