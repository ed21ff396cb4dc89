package io.pressline.ingest.reenrichment;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a re-enrichment run notes beside its position on each partition of
 * {@code articles.latest}, in the metadata of the replay group's committed offset: the
 * run, where it started on the partition and where it ends (the partition's end when the
 * run started; what is written later was published under the current engine already). So
 * the position and the run's bounds are in Kafka, and survive any restart.
 *
 * @param run the run's id
 * @param from the partition's first offset when the run started
 * @param until the partition's end when the run started
 * @param startedAt when the run started
 */
record RunMark(String run, long from, long until, Instant startedAt) {

	private static final String PREFIX = "pressline-reenrichment";

	/** The metadata string, some 80 characters (Kafka keeps up to 4,096). */
	String encode() {
		return PREFIX + " run=" + this.run + " from=" + this.from + " until=" + this.until + " started="
				+ this.startedAt.toEpochMilli();
	}

	/** The mark in an offset's metadata, if it holds one. */
	static Optional<RunMark> decode(String metadata) {
		if (metadata == null || !metadata.startsWith(PREFIX + " ")) {
			return Optional.empty();
		}
		Map<String, String> fields = new HashMap<>();
		for (String part : metadata.substring(PREFIX.length() + 1).split(" ")) {
			int equals = part.indexOf('=');
			if (equals > 0) {
				fields.put(part.substring(0, equals), part.substring(equals + 1));
			}
		}
		try {
			return Optional.of(new RunMark(fields.get("run"), Long.parseLong(fields.get("from")),
					Long.parseLong(fields.get("until")), Instant.ofEpochMilli(Long.parseLong(fields.get("started")))));
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	/** Offsets of the partition the run still has to read from {@code position}. */
	long remaining(long position) {
		return Math.max(0, this.until - Math.max(position, this.from));
	}

	/** Offsets of the partition the run has read up to {@code position}. */
	long done(long position) {
		return Math.min(this.until, Math.max(position, this.from)) - this.from;
	}

}
