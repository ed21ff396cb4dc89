package io.pressline.ingest.submission;

import java.time.Instant;

import io.pressline.event.ArticleStatus;

/**
 * Where an article is, as the status API answers it.
 *
 * @param id the article's id
 * @param version the latest version the pipeline knows of
 * @param stage RECEIVED, ENRICHED, HELD, PUBLISHED, REJECTED or RETRACTED
 * @param reason why it is held or rejected, if it is
 * @param service the service that reported the stage
 * @param submittedAt when the version was submitted
 * @param updatedAt when it reached the stage
 */
record ArticleStatusView(String id, int version, String stage, String reason, String service, Instant submittedAt,
		Instant updatedAt) {

	static ArticleStatusView of(ArticleStatus status) {
		return new ArticleStatusView(status.getArticleId(), status.getVersion(), status.getStage().name(),
				status.getReason(), status.getService(), status.getSubmittedAt(), status.getOccurredAt());
	}

}
