package io.pressline.ingest.submission;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.MDC;

import io.pressline.event.ArticleStatus;
import io.pressline.event.ArticleSubmitted;
import io.pressline.event.SubmissionAction;
import io.pressline.ingest.version.NewArticleWriter;
import io.pressline.ingest.version.VersionSequencer;
import io.pressline.platform.draft.Draft;

/**
 * Turns an accepted draft into an {@code ArticleSubmitted} event on Kafka: once per
 * idempotency key, with its version number, then reported as received and told to the
 * desk. The editor is answered only after Kafka has committed the event; if it cannot,
 * the editor gets an error and nothing is remembered, so a retry with the same key is
 * safe.
 */
public class Submissions {

	private final IdempotencyKeys keys;

	private final NewArticleWriter newArticles;

	private final VersionSequencer versions;

	private final ReceivedReports reports;

	private final SubmissionFeed feed;

	private final Clock clock;

	Submissions(IdempotencyKeys keys, NewArticleWriter newArticles, VersionSequencer versions, ReceivedReports reports,
			SubmissionFeed feed, Clock clock) {
		this.keys = keys;
		this.newArticles = newArticles;
		this.versions = versions;
		this.reports = reports;
		this.feed = feed;
		this.clock = clock;
	}

	/**
	 * Submits a new article.
	 * @param draft the accepted draft
	 * @param idempotencyKey the client's key, or {@code null}
	 * @param submittedBy who submits, or {@code null}
	 * @throws io.pressline.ingest.version.PipelineUnavailableException when Kafka did not
	 * take the draft
	 */
	IdempotencyKeys.Outcome submitNew(Draft draft, String idempotencyKey, String submittedBy) {
		return this.keys.once(idempotencyKey, () -> SubmissionFingerprints.newArticle(draft), () -> {
			String id = UUID.randomUUID().toString();
			return about(id, () -> {
				ArticleSubmitted first = SubmissionEvents.submitted(id, 1, SubmissionAction.PUBLISH, draft,
						idempotencyKey, submittedBy, this.clock.instant());
				this.newArticles.write(first);
				return submitted(first);
			});
		});
	}

	/**
	 * Submits many new articles at once, each under its own idempotency key: the drafts
	 * whose key allows it are written together, with their RECEIVED status, in one
	 * transaction per partition writer (see {@link NewArticleWriter#writeAll}). A key
	 * used before for the same draft, here or in an earlier request, answers with the
	 * version it made and writes nothing; a key used for a different draft, or a
	 * partition Kafka did not take, refuses that draft alone, and nothing of it is
	 * written.
	 * @param drafts the accepted drafts, in the order of the batch
	 * @param submittedBy who submits, or {@code null}
	 * @return the outcome of each draft, in the same order
	 */
	List<BatchOutcome> submitBatch(List<BatchEntry> drafts, String submittedBy) {
		BatchOutcome[] outcomes = new BatchOutcome[drafts.size()];
		Map<String, Integer> firstOfKey = new HashMap<>();
		Map<Integer, String> prints = new HashMap<>();
		List<Integer> repeats = new ArrayList<>();
		List<ArticleSubmitted> events = new ArrayList<>();
		Map<String, Integer> indexOf = new HashMap<>();
		Map<Integer, IdempotencyKeys.Claim> claims = new HashMap<>();
		Instant now = this.clock.instant();
		for (int i = 0; i < drafts.size(); i++) {
			BatchEntry entry = drafts.get(i);
			String key = entry.idempotencyKey();
			if (key != null) {
				String print = SubmissionFingerprints.newArticle(entry.draft());
				prints.put(i, print);
				if (firstOfKey.putIfAbsent(key, i) != null) {
					repeats.add(i);
					continue;
				}
				try {
					IdempotencyKeys.Claim claim = this.keys.claim(key, print);
					if (claim.replay() != null) {
						outcomes[i] = new BatchOutcome(claim.replay(), null);
						continue;
					}
					claims.put(i, claim);
				}
				catch (IdempotencyKeys.KeyReuseException ex) {
					outcomes[i] = new BatchOutcome(null, ex);
					continue;
				}
			}
			ArticleSubmitted first = SubmissionEvents.submitted(UUID.randomUUID().toString(), 1,
					SubmissionAction.PUBLISH, entry.draft(), key, submittedBy, now);
			events.add(first);
			indexOf.put(first.getArticleId(), i);
		}
		Map<String, ArticleStatus> received = new HashMap<>();
		Map<String, RuntimeException> failures;
		try {
			failures = this.newArticles.writeAll(events, (first) -> {
				ArticleStatus status = this.reports.status(first);
				received.put(first.getArticleId(), status);
				return List.of(this.reports.record(status));
			});
		}
		catch (RuntimeException ex) {
			claims.values().forEach(IdempotencyKeys.Claim::release);
			throw ex;
		}
		for (ArticleSubmitted event : events) {
			int i = indexOf.get(event.getArticleId());
			IdempotencyKeys.Claim claim = claims.get(i);
			RuntimeException failure = failures.get(event.getArticleId());
			if (failure != null) {
				if (claim != null) {
					claim.release();
				}
				outcomes[i] = new BatchOutcome(null, failure);
				continue;
			}
			SubmittedVersion version = new SubmittedVersion(event.getArticleId(), event.getVersion());
			if (claim != null) {
				claim.complete(version);
			}
			about(event.getArticleId(), () -> {
				this.feed.tell(event);
				this.reports.receivedWithDraft(event, received.get(event.getArticleId()));
				return version;
			});
			outcomes[i] = new BatchOutcome(new IdempotencyKeys.Outcome(version, false), null);
		}
		for (int i : repeats) {
			// The same key twice in one batch: the same draft is answered as a replay of
			// the first, a different one is refused, as it would be in two requests.
			String key = drafts.get(i).idempotencyKey();
			int first = firstOfKey.get(key);
			BatchOutcome earlier = outcomes[first];
			if (!prints.get(i).equals(prints.get(first))) {
				outcomes[i] = new BatchOutcome(null, new IdempotencyKeys.KeyReuseException(key, false));
			}
			else if (earlier.refusal() != null) {
				outcomes[i] = earlier;
			}
			else {
				outcomes[i] = new BatchOutcome(new IdempotencyKeys.Outcome(earlier.outcome().receipt(), true), null);
			}
		}
		return List.of(outcomes);
	}

	/**
	 * Submits the next version of a known article: an update, or a correction when the
	 * draft carries a note.
	 * @throws io.pressline.ingest.version.ArticleNotFoundException when no article has
	 * this id
	 * @throws io.pressline.ingest.version.ArticleRetractedException when the article was
	 * retracted
	 * @throws io.pressline.ingest.version.VersionConflictException when other instances
	 * kept changing the article
	 */
	IdempotencyKeys.Outcome submitVersion(String id, Draft draft, String idempotencyKey, String submittedBy) {
		return this.keys.once(idempotencyKey, () -> SubmissionFingerprints.newVersion(id, draft),
				() -> about(id, () -> next(id, SubmissionAction.PUBLISH, draft, idempotencyKey, submittedBy)));
	}

	/**
	 * Asks for a known article to be taken down.
	 * @param reason why, for the editors and the downstream sites, or {@code null}
	 * @throws io.pressline.ingest.version.ArticleNotFoundException when no article has
	 * this id
	 * @throws io.pressline.ingest.version.ArticleRetractedException when the article was
	 * already retracted
	 */
	IdempotencyKeys.Outcome retract(String id, String reason, String idempotencyKey, String submittedBy) {
		Draft retraction = SubmissionEvents.retraction(reason);
		return this.keys.once(idempotencyKey, () -> SubmissionFingerprints.retraction(id, retraction),
				() -> about(id, () -> next(id, SubmissionAction.RETRACT, retraction, idempotencyKey, submittedBy)));
	}

	private SubmittedVersion next(String id, SubmissionAction action, Draft draft, String idempotencyKey,
			String submittedBy) {
		return submitted(this.versions.next(id, (version) -> SubmissionEvents.submitted(id, version, action, draft,
				idempotencyKey, submittedBy, this.clock.instant())));
	}

	private SubmittedVersion submitted(ArticleSubmitted event) {
		this.feed.tell(event);
		this.reports.received(event);
		return new SubmittedVersion(event.getArticleId(), event.getVersion());
	}

	/**
	 * A draft of a batch, with its idempotency key.
	 *
	 * @param draft the accepted draft
	 * @param idempotencyKey the client's key for it, or {@code null}
	 */
	record BatchEntry(Draft draft, String idempotencyKey) {
	}

	/**
	 * What became of one draft of a batch: its outcome, or why it was refused.
	 *
	 * @param outcome the version it became and whether that is a replay, or {@code null}
	 * @param refusal why nothing was submitted for it, or {@code null}
	 */
	record BatchOutcome(IdempotencyKeys.Outcome outcome, RuntimeException refusal) {
	}

	/** Every log line about this article names it, beside the request's trace id. */
	private static SubmittedVersion about(String id, java.util.function.Supplier<SubmittedVersion> work) {
		try (MDC.MDCCloseable article = MDC.putCloseable("articleId", id)) {
			return work.get();
		}
	}

}
