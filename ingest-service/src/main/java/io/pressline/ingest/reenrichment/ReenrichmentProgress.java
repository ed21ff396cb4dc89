package io.pressline.ingest.reenrichment;

import java.time.Instant;

/**
 * Where the re-enrichment of the archive is, as the operators' endpoint answers it.
 *
 * @param state {@code IDLE} (no run yet), {@code RUNNING}, {@code WAITING} (paused while
 * editors' articles queue), {@code STOPPED} (by an operator, its position kept),
 * {@code FINISHED}, or {@code FAILED}
 * @param run the run's id, or {@code null} before the first
 * @param startedAt when the run started, or {@code null}
 * @param done records of {@code articles.latest} the run has read, on every instance
 * (offsets, so a compacted topic's gaps count too)
 * @param total records it reads in all
 * @param submitted replays this instance submitted since it took the run up
 * @param skipped records this instance passed over: tombstones of retracted articles, and
 * articles ingest no longer knows or knows as retracted
 * @param ratePerSecond records this instance read a second, since it took the run up
 * @param etaSeconds the time left at that rate, or {@code null} when not known
 * @param limitPerSecond the rate limit
 * @param detail why it waits or failed, or {@code null}
 */
public record ReenrichmentProgress(String state, String run, Instant startedAt, long done, long total, long submitted,
		long skipped, double ratePerSecond, Long etaSeconds, double limitPerSecond, String detail) {
}
