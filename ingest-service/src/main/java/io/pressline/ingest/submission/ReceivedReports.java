package io.pressline.ingest.submission;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pressline.event.ArticleStage;
import io.pressline.event.ArticleStatus;
import io.pressline.event.ArticleSubmitted;
import io.pressline.event.SubmissionAction;
import io.pressline.ingest.status.ArticleStatuses;
import io.pressline.platform.status.StageReporter;

/**
 * Says that a submitted version was received: in this instance's status view at once (an
 * editor who asks right after submitting sees RECEIVED), on {@code articles.status} for
 * the others and the operators, and in the log.
 */
class ReceivedReports {

	private static final Logger log = LoggerFactory.getLogger(ReceivedReports.class);

	private final ArticleStatuses statuses;

	private final StageReporter stages;

	ReceivedReports(ArticleStatuses statuses, StageReporter stages) {
		this.statuses = statuses;
		this.stages = stages;
	}

	/** Reports a version whose draft Kafka has. */
	void received(ArticleSubmitted submitted) {
		String id = submitted.getArticleId();
		int version = submitted.getVersion();
		boolean retraction = submitted.getAction() == SubmissionAction.RETRACT;
		ArticleStatus received = StageReporter.status(id, version, ArticleStage.RECEIVED, "ingest",
				submitted.getSubmittedAt(), retraction ? "retraction requested" : null);
		this.statuses.record(received);
		try {
			this.stages.report(received);
		}
		catch (RuntimeException ex) {
			// The draft is in the pipeline; later stages will report on it. Say so, but
			// do not fail the editor.
			log.warn("Article {} v{} was submitted but its RECEIVED status was not written: {}", id, version,
					ex.getMessage());
		}
		if (retraction) {
			log.info("Article {} v{} retraction submitted", id, version);
		}
		else if (log.isInfoEnabled()) {
			// Counting the bytes walks the whole body: only when the line is written.
			log.info("Article {} v{} submitted ({} body bytes, section {})", id, version,
					SubmissionEvents.draft(submitted).bodyBytes(), submitted.getSection());
		}
	}

}
