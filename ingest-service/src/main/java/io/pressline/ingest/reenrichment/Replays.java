package io.pressline.ingest.reenrichment;

import io.pressline.event.ArticlePublished;
import io.pressline.event.ArticleSubmitted;
import io.pressline.event.SubmissionAction;
import io.pressline.event.SubmissionReason;
import io.pressline.platform.enrichment.EnrichmentDigest;

/**
 * The version that replays a published one through the current engine: the same text,
 * byline and section, the language only if the editor declared it (so an improved engine
 * detects it again), the same submission time (so "on Tuesday" resolves to the same
 * date), no embargo, hold or note (it was published, and a replay corrects nothing), with
 * reason {@code REENRICHMENT}, the version it replays and the digest of the enrichment
 * sites have, for publish-service to compare with the new one.
 */
final class Replays {

	/** Who the replays are submitted by, for the logs and the desk. */
	static final String SUBMITTED_BY = "re-enrichment";

	private Replays() {
	}

	/**
	 * @param published the article's current state on {@code articles.latest}
	 * @param version the version number the sequencer gives the replay
	 */
	static ArticleSubmitted of(ArticlePublished published, int version) {
		return ArticleSubmitted.newBuilder()
			.setArticleId(published.getArticleId())
			.setVersion(version)
			.setHeadline(published.getHeadline())
			.setBody(published.getBody())
			.setByline(published.getByline())
			.setSection(published.getSection())
			.setLanguage(declaredLanguage(published))
			.setEmbargoUntil(null)
			.setSubmittedAt(published.getSubmittedAt())
			.setSubmittedBy(SUBMITTED_BY)
			.setIdempotencyKey(null)
			.setAction(SubmissionAction.PUBLISH)
			.setNote(null)
			.setLegalHold(false)
			.setReason(SubmissionReason.REENRICHMENT)
			.setReplayOf(published.getVersion())
			.setReplayedEnrichmentDigest(EnrichmentDigest.of(published.getEnrichment()))
			.build();
	}

	/**
	 * The language the editor declared, or {@code null}. An event does not say, but the
	 * engine takes a declared language with full confidence and detects one with less
	 * (and the passthrough engine's {@code und} with none).
	 */
	static String declaredLanguage(ArticlePublished published) {
		return (published.getEnrichment().getLanguageConfidence() >= 1.0) ? published.getLanguage() : null;
	}

}
