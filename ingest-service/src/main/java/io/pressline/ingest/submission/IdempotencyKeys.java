package io.pressline.ingest.submission;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Remembers the answer given to each {@code Idempotency-Key} for a while, so that a
 * client retrying a request gets the first answer again instead of a second article. A
 * key reused with a different draft, or while its first request is still running, is
 * refused. Keys are kept for the window, and never more than a set number of them: past
 * it, the first remembered is the first forgotten (a key whose request still runs is
 * kept).
 */
class IdempotencyKeys {

	/** In the order they were remembered, the oldest first. */
	private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

	private final Duration window;

	private final int maxKeys;

	private final Clock clock;

	/**
	 * @param window how long a key is remembered
	 * @param maxKeys how many keys are remembered at most
	 * @param clock what the window is measured against
	 */
	IdempotencyKeys(Duration window, int maxKeys, Clock clock) {
		if (maxKeys < 1) {
			throw new IllegalArgumentException("maxKeys must be at least 1");
		}
		this.window = window;
		this.maxKeys = maxKeys;
		this.clock = clock;
	}

	/**
	 * Runs {@code submit} once per key and draft: a repeat gets the remembered receipt.
	 * @param key the client's key, or {@code null}: then {@code submit} just runs
	 * @param fingerprint identifies the draft sent with the key, worked out only when
	 * there is a key
	 * @param submit produces the receipt; when it throws, the key is forgotten so the
	 * client can retry
	 * @return the receipt and whether it is a replay
	 * @throws KeyReuseException when the key is in use by a different draft or by a
	 * request still running
	 */
	Outcome once(String key, Supplier<String> fingerprint, Supplier<SubmittedVersion> submit) {
		if (key == null) {
			return new Outcome(submit.get(), false);
		}
		String print = fingerprint.get();
		Entry mine;
		synchronized (this) {
			Instant now = this.clock.instant();
			Entry existing = live(key, now);
			if (existing != null) {
				if (!existing.fingerprint.equals(print)) {
					throw new KeyReuseException(key, false);
				}
				if (existing.receipt == null) {
					throw new KeyReuseException(key, true);
				}
				return new Outcome(existing.receipt, true);
			}
			mine = new Entry(print, now, null);
			add(key, mine, now);
		}
		try {
			SubmittedVersion receipt = submit.get();
			mine.receipt = receipt;
			return new Outcome(receipt, false);
		}
		catch (RuntimeException ex) {
			synchronized (this) {
				this.entries.remove(key, mine);
			}
			throw ex;
		}
	}

	/**
	 * Learns a key that was used by this or another instance, before or since this one
	 * started (read back from the submitted topic), unless it is known already or too
	 * old.
	 */
	synchronized void remember(String key, String fingerprint, SubmittedVersion submitted, Instant usedAt) {
		Instant now = this.clock.instant();
		if (usedAt.plus(this.window).isAfter(now) && live(key, now) == null) {
			add(key, new Entry(fingerprint, usedAt, submitted), now);
		}
	}

	/** Whether a key is remembered, with the version it produced. */
	synchronized boolean remembers(String key) {
		Entry entry = live(key, this.clock.instant());
		return entry != null && entry.receipt != null;
	}

	/** How many keys are remembered now, requests still running included. */
	synchronized int size() {
		return this.entries.size();
	}

	private Entry live(String key, Instant now) {
		Entry entry = this.entries.get(key);
		if (entry != null && entry.expired(now, this.window)) {
			this.entries.remove(key);
			return null;
		}
		return entry;
	}

	private void add(String key, Entry entry, Instant now) {
		this.entries.put(key, entry);
		Iterator<Map.Entry<String, Entry>> oldest = this.entries.entrySet().iterator();
		while (oldest.hasNext()) {
			Entry first = oldest.next().getValue();
			if (first.expired(now, this.window)) {
				oldest.remove();
			}
			else if (this.entries.size() > this.maxKeys && first.receipt != null) {
				oldest.remove();
			}
			else if (this.entries.size() <= this.maxKeys) {
				// Entries are nearly in time order: what follows is younger.
				break;
			}
		}
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
