package io.pressline.ingest.submission;

import java.time.Clock;
import java.util.UUID;

import org.slf4j.MDC;

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

	/** Every log line about this article names it, beside the request's trace id. */
	private static SubmittedVersion about(String id, java.util.function.Supplier<SubmittedVersion> work) {
		try (MDC.MDCCloseable article = MDC.putCloseable("articleId", id)) {
			return work.get();
		}
	}

}
