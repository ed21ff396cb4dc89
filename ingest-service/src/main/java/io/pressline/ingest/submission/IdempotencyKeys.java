package io.pressline.ingest.submission;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.pressline.platform.draft.MalformedDraftException;

/**
 * Remembers the answer given to each {@code Idempotency-Key} for a while, so that a
 * client retrying a request gets the first answer again instead of a second article. A
 * key reused with a different draft, or while its first request is still running, is
 * refused. Keys are kept for the window, and never more than a set number of them: past
 * it, the first remembered is the first forgotten (a key whose request still runs is
 * kept).
 */
class IdempotencyKeys {

	private static final int MAX_KEY_LENGTH = 255;

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
	 * Refuses a key that is not 1 to 255 visible ASCII characters.
	 * @param key the key, or {@code null} (none, which is fine)
	 * @param field where it was given, for the problem document
	 * @throws MalformedDraftException when it is not a usable key
	 */
	static void requireValid(String key, String field) {
		if (key != null && (key.isBlank() || key.length() > MAX_KEY_LENGTH
				|| !key.chars().allMatch((c) -> c > 0x20 && c < 0x7F))) {
			throw new MalformedDraftException(
					field + " must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters without spaces", field);
		}
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
		Claim claim = claim(key, fingerprint.get());
		if (claim.replay() != null) {
			return claim.replay();
		}
		try {
			return new Outcome(claim.complete(submit.get()), false);
		}
		catch (RuntimeException ex) {
			claim.release();
			throw ex;
		}
	}

	/**
	 * Claims a key for a submission that runs later, among others (a batch): the caller
	 * completes the claim with the version once Kafka has the draft, or releases it when
	 * the draft was not submitted.
	 * @param key the client's key
	 * @param fingerprint identifies the draft sent with the key
	 * @return the claim; it holds the remembered answer instead when the key was used for
	 * this draft before
	 * @throws KeyReuseException when the key is in use by a different draft or by a
	 * request still running
	 */
	Claim claim(String key, String fingerprint) {
		synchronized (this) {
			Instant now = this.clock.instant();
			Entry existing = live(key, now);
			if (existing != null) {
				if (!existing.fingerprint.equals(fingerprint)) {
					throw new KeyReuseException(key, false);
				}
				if (existing.receipt == null) {
					throw new KeyReuseException(key, true);
				}
				return new Claim(key, null, new Outcome(existing.receipt, true));
			}
			Entry mine = new Entry(fingerprint, now, null);
			add(key, mine, now);
			return new Claim(key, mine, null);
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

	/** A key held for a submission still running, or the answer it gave before. */
	final class Claim {

		private final String key;

		private final Entry entry;

		private final Outcome replay;

		private Claim(String key, Entry entry, Outcome replay) {
			this.key = key;
			this.entry = entry;
			this.replay = replay;
		}

		/** The remembered answer, when the key was used for this draft before. */
		Outcome replay() {
			return this.replay;
		}

		/** Remembers the version the draft became. */
		SubmittedVersion complete(SubmittedVersion receipt) {
			this.entry.receipt = receipt;
			return receipt;
		}

		/** Forgets the key: the draft was not submitted, so the client may retry. */
		void release() {
			if (this.entry != null) {
				synchronized (IdempotencyKeys.this) {
					IdempotencyKeys.this.entries.remove(this.key, this.entry);
				}
			}
		}

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
