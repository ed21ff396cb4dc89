package io.pressline.ingest.submission;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Remembers the answer given to each {@code Idempotency-Key} for a while, so that a
 * client retrying a request gets the first answer again instead of a second article. A
 * key reused with a different draft, or while its first request is still running, is
 * refused.
 */
class IdempotencyKeys {

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final Duration window;

	private final Clock clock;

	IdempotencyKeys(Duration window, Clock clock) {
		this.window = window;
		this.clock = clock;
	}

	/**
	 * Runs {@code submit} once per key and draft: a repeat gets the remembered receipt.
	 * @param key the client's key
	 * @param fingerprint identifies the draft sent with the key
	 * @param submit produces the receipt; when it throws, the key is forgotten so the
	 * client can retry
	 * @return the receipt and whether it is a replay
	 * @throws KeyReuseException when the key is in use by a different draft or by a
	 * request still running
	 */
	Outcome once(String key, String fingerprint, Supplier<SubmittedVersion> submit) {
		Instant now = this.clock.instant();
		this.entries.values().removeIf((entry) -> entry.expired(now, this.window));
		Entry mine = new Entry(fingerprint, now, null);
		Entry existing = this.entries.putIfAbsent(key, mine);
		if (existing != null) {
			if (!existing.fingerprint.equals(fingerprint)) {
				throw new KeyReuseException(key, false);
			}
			SubmittedVersion receipt = existing.receipt;
			if (receipt == null) {
				throw new KeyReuseException(key, true);
			}
			return new Outcome(receipt, true);
		}
		try {
			SubmittedVersion receipt = submit.get();
			mine.receipt = receipt;
			return new Outcome(receipt, false);
		}
		catch (RuntimeException ex) {
			this.entries.remove(key, mine);
			throw ex;
		}
	}

	/**
	 * Learns a key that was used by this or another instance, before or since this one
	 * started (read back from the submitted topic), unless it is known already or too
	 * old.
	 */
	void remember(String key, String fingerprint, SubmittedVersion submitted, Instant usedAt) {
		if (usedAt.plus(this.window).isAfter(this.clock.instant())) {
			this.entries.putIfAbsent(key, new Entry(fingerprint, usedAt, submitted));
		}
	}

	/** Whether a key is remembered, with the version it produced. */
	boolean remembers(String key) {
		Entry entry = this.entries.get(key);
		return entry != null && entry.receipt != null;
	}

	/**
	 * The answer to a submission.
	 *
	 * @param receipt the version the draft became
	 * @param replayed whether it was remembered from an earlier request with the same key
	 */
	record Outcome(SubmittedVersion receipt, boolean replayed) {
	}

	private static final class Entry {

		private final String fingerprint;

		private final Instant createdAt;

		private volatile SubmittedVersion receipt;

		Entry(String fingerprint, Instant createdAt, SubmittedVersion receipt) {
			this.fingerprint = fingerprint;
			this.createdAt = createdAt;
			this.receipt = receipt;
		}

		boolean expired(Instant now, Duration window) {
			return this.receipt != null && this.createdAt.plus(window).isBefore(now);
		}

	}

	/** An {@code Idempotency-Key} that cannot be used for this request. */
	static class KeyReuseException extends RuntimeException {

		private final boolean inFlight;

		KeyReuseException(String key, boolean inFlight) {
			super(inFlight ? "A request with Idempotency-Key '" + key + "' is still being processed; retry shortly"
					: "Idempotency-Key '" + key + "' was already used for a different draft");
			this.inFlight = inFlight;
		}

		boolean inFlight() {
			return this.inFlight;
		}

	}

}
