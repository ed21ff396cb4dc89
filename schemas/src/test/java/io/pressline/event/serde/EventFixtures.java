package io.pressline.event.serde;

import java.time.Instant;

import io.pressline.event.ArticleEnriched;
import io.pressline.event.ArticlePublished;
import io.pressline.event.ArticleStage;
import io.pressline.event.ArticleStatus;
import io.pressline.event.ArticleSubmitted;
import io.pressline.event.ArticleVersion;
import io.pressline.event.Enrichment;
import io.pressline.event.PublicationEventType;

/** Small named events for the serde tests. */
final class EventFixtures {

	static final Instant SUBMITTED_AT = Instant.parse("2026-03-02T09:15:00Z");

	private EventFixtures() {
	}

	static ArticleSubmitted councilDraft() {
		return ArticleSubmitted.newBuilder()
			.setArticleId("a1b2c3")
			.setVersion(1)
			.setHeadline("Council votes to widen cycle lanes on the ring road")
			.setBody("LEEDS — The city council voted on Tuesday to widen cycle lanes.\n\nThe plan costs £4 million.")
			.setByline("By Ada Quill")
			.setSection("local")
			.setSubmittedAt(SUBMITTED_AT)
			.setIdempotencyKey("draft-77")
			.build();
	}

	static Enrichment basicEnrichment() {
		return Enrichment.newBuilder()
			.setEngine("test")
			.setLanguage("en")
			.setLanguageConfidence(0.98)
			.setWordCount(23)
			.setSentenceCount(2)
			.setReadingTimeSeconds(6)
			.setEnrichedAt(SUBMITTED_AT.plusMillis(40))
			.build();
	}

	static ArticleEnriched councilEnriched() {
		return ArticleEnriched.newBuilder().setSubmission(councilDraft()).setEnrichment(basicEnrichment()).build();
	}

	static ArticlePublished councilPublished() {
		ArticleSubmitted draft = councilDraft();
		return ArticlePublished.newBuilder()
			.setArticleId(draft.getArticleId())
			.setVersion(draft.getVersion())
			.setEventType(PublicationEventType.PUBLISHED)
			.setHeadline(draft.getHeadline())
			.setBody(draft.getBody())
			.setByline(draft.getByline())
			.setSection(draft.getSection())
			.setLanguage("en")
			.setEnrichment(basicEnrichment())
			.setSubmittedAt(SUBMITTED_AT)
			.setFirstPublishedAt(SUBMITTED_AT.plusMillis(90))
			.setPublishedAt(SUBMITTED_AT.plusMillis(90))
			.build();
	}

	static ArticleStatus councilReceived() {
		return ArticleStatus.newBuilder()
			.setArticleId("a1b2c3")
			.setVersion(1)
			.setStage(ArticleStage.RECEIVED)
			.setService("ingest")
			.setSubmittedAt(SUBMITTED_AT)
			.setOccurredAt(SUBMITTED_AT)
			.build();
	}

	static ArticleVersion councilSecondVersion() {
		return ArticleVersion.newBuilder()
			.setArticleId("a1b2c3")
			.setVersion(2)
			.setRetracted(false)
			.setAssignedAt(SUBMITTED_AT.plusSeconds(600))
			.setAssignedBy("ingest-service")
			.build();
	}

}
