package io.pressline.ingest.submission;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
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

	private final String statusTopic;

	ReceivedReports(ArticleStatuses statuses, StageReporter stages, String statusTopic) {
		this.statuses = statuses;
		this.stages = stages;
		this.statusTopic = statusTopic;
	}

	/** Reports a version whose draft Kafka has. */
	void received(ArticleSubmitted submitted) {
		String id = submitted.getArticleId();
		int version = submitted.getVersion();
		boolean retraction = submitted.getAction() == SubmissionAction.RETRACT;
		ArticleStatus received = status(submitted);
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
		logSubmitted(submitted, retraction);
	}

	/**
	 * The RECEIVED status of a draft as a record of the status topic, for a submission
	 * that writes it in the draft's own transaction (a batch). Once that commits,
	 * {@link #receivedWithDraft} reports it here.
	 */
	ProducerRecord<String, SpecificRecord> record(ArticleStatus received) {
		return new ProducerRecord<>(this.statusTopic, received.getArticleId(), received);
	}

	/** The RECEIVED status of a version. */
	ArticleStatus status(ArticleSubmitted submitted) {
		boolean retraction = submitted.getAction() == SubmissionAction.RETRACT;
		return StageReporter.status(submitted.getArticleId(), submitted.getVersion(), ArticleStage.RECEIVED, "ingest",
				submitted.getSubmittedAt(), retraction ? "retraction requested" : null);
	}

	/**
	 * Reports a version whose draft and RECEIVED status Kafka has, in one transaction.
	 */
	void receivedWithDraft(ArticleSubmitted submitted, ArticleStatus received) {
		this.statuses.record(received);
		this.stages.count(received);
		logSubmitted(submitted, false);
	}

	private void logSubmitted(ArticleSubmitted submitted, boolean retraction) {
		String id = submitted.getArticleId();
		int version = submitted.getVersion();
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
