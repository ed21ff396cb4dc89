package io.pressline.ingest.submission;

import java.time.Instant;

import io.pressline.event.ArticleSubmitted;
import io.pressline.event.SubmissionAction;
import io.pressline.platform.draft.Draft;

/** A draft as the {@code ArticleSubmitted} event, and back. */
final class SubmissionEvents {

	private SubmissionEvents() {
	}

	/**
	 * The event of one version.
	 * @param idempotencyKey the client's key, or {@code null}
	 * @param submittedBy who submits, or {@code null}
	 */
	static ArticleSubmitted submitted(String id, int version, SubmissionAction action, Draft draft,
			String idempotencyKey, String submittedBy, Instant at) {
		return ArticleSubmitted.newBuilder()
			.setArticleId(id)
			.setVersion(version)
			.setAction(action)
			.setHeadline(draft.headline())
			.setBody(draft.body())
			.setByline(draft.byline())
			.setSection(draft.section())
			.setLanguage(draft.language())
			.setEmbargoUntil(draft.embargoUntil())
			.setLegalHold(draft.legalHold())
			.setNote(draft.note())
			.setSubmittedAt(at)
			.setSubmittedBy(submittedBy)
			.setIdempotencyKey(idempotencyKey)
			.build();
	}

	/** The draft of a retraction: no text, the reason as its note. */
	static Draft retraction(String reason) {
		return new Draft("", "", null, null, null, null, false, reason);
	}

	/** The draft an event was made from. */
	static Draft draft(ArticleSubmitted submitted) {
		return new Draft(submitted.getHeadline(), submitted.getBody(), submitted.getByline(), submitted.getSection(),
				submitted.getLanguage(), submitted.getEmbargoUntil(), submitted.getLegalHold(), submitted.getNote());
	}

}
