package io.pressline.ingest.reenrichment;

/**
 * Whether the re-enrichment may go on, given what waits for enrich-service and
 * publish-service (the lag of their consumer groups, the replay's own records included):
 * it pauses once the backlog is above {@code pauseAbove} and goes on only once it is down
 * to half of that, so that editors' articles never queue behind the archive and the
 * replay does not flap at the threshold. An unknown backlog (the broker not answering
 * yet) pauses it too. Plain Java.
 */
final class LiveTrafficFirst {

	private final long pauseAbove;

	private final long resumeAt;

	private boolean paused;

	/**
	 * @param pauseAbove the backlog, in records, above which the replay waits
	 */
	LiveTrafficFirst(long pauseAbove) {
		if (pauseAbove < 1) {
			throw new IllegalArgumentException("The backlog to pause at must be at least 1, not " + pauseAbove);
		}
		this.pauseAbove = pauseAbove;
		this.resumeAt = pauseAbove / 2;
	}

	/**
	 * @param backlog the records waiting for the stages, or a negative number when not
	 * known
	 * @return whether the next article may be replayed now
	 */
	synchronized boolean mayReplay(long backlog) {
		if (backlog < 0) {
			this.paused = true;
		}
		else if (this.paused) {
			this.paused = backlog > this.resumeAt;
		}
		else {
			this.paused = backlog > this.pauseAbove;
		}
		return !this.paused;
	}

}
