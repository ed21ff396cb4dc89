package io.pressline.publish.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

import io.pressline.event.ArticleEnriched;
import io.pressline.event.ArticlePublished;
import io.pressline.event.Enrichment;
import io.pressline.event.PublicationEventType;
import io.pressline.event.PublicationState;
import io.pressline.publish.rules.PublishedVersion;

/**
 * What publish-service knows of one article when its next version arrives: the newest
 * version published or retracted, the last event sent for it (without its text), and the
 * version held back, if any. Immutable; each decision makes a new one, which is written
 * to {@code articles.publish-state} in the decision's transaction.
 *
 * @param articleId the article
 * @param decidedVersion the newest version published or retracted, 0 if none
 * @param retracted whether the article was retracted
 * @param lastEvent the last event sent for it, without body, HTML and enrichment, or
 * {@code null}
 * @param held the version held back, or {@code null}
 * @param releaseAt when the held version's embargo ends, or {@code null} (a legal hold,
 * or nothing held)
 */
public record ArticleState(String articleId, int decidedVersion, boolean retracted, ArticlePublished lastEvent,
		ArticleEnriched held, Instant releaseAt) {

	/** An article of which nothing is known yet. */
	public static ArticleState unknown(String articleId) {
		return new ArticleState(articleId, 0, false, null, null, null);
	}

	/** What the rules need: the version published or retracted, if any. */
	public Optional<PublishedVersion> publishedVersion() {
		if (this.decidedVersion == 0) {
			return Optional.empty();
		}
		Instant first = (this.lastEvent != null) ? this.lastEvent.getFirstPublishedAt() : null;
		return Optional.of(new PublishedVersion(this.decidedVersion, first, this.retracted));
	}

	/** Whether this version of the article is the one held back. */
	public boolean holds(int version) {
		return this.held != null && this.held.getSubmission().getVersion() == version;
	}

	/** This state with a version held back until {@code releaseAt} (or a new version). */
	public ArticleState holding(ArticleEnriched version, Instant releaseAt) {
		return new ArticleState(this.articleId, this.decidedVersion, this.retracted, this.lastEvent, version,
				releaseAt);
	}

	/** This state without the held version if it is {@code version} or older. */
	public ArticleState unholdingUpTo(int version) {
		if (this.held == null || this.held.getSubmission().getVersion() > version) {
			return this;
		}
		return new ArticleState(this.articleId, this.decidedVersion, this.retracted, this.lastEvent, null, null);
	}

	/** This state after an event was sent: published, updated, corrected or retracted. */
	public ArticleState after(ArticlePublished event) {
		return new ArticleState(this.articleId, event.getVersion(),
				event.getEventType() == PublicationEventType.RETRACTED, header(event), this.held, this.releaseAt);
	}

	/** This state after a retraction of an article that was never published. */
	public ArticleState retractedUnpublished(int version) {
		return new ArticleState(this.articleId, version, true, this.lastEvent, null, null);
	}

	/** The record written to {@code articles.publish-state}. */
	public PublicationState toRecord() {
		return PublicationState.newBuilder()
			.setArticleId(this.articleId)
			.setDecidedVersion(this.decidedVersion)
			.setRetracted(this.retracted)
			.setLastEvent((this.lastEvent != null) ? encode(this.lastEvent) : null)
			.setHeld((this.held != null) ? encode(this.held) : null)
			.setReleaseAt(this.releaseAt)
			.build();
	}

	/** The state a record of {@code articles.publish-state} carries. */
	public static ArticleState of(PublicationState record) {
		try {
			return new ArticleState(record.getArticleId(), record.getDecidedVersion(), record.getRetracted(),
					(record.getLastEvent() != null) ? ArticlePublished.fromByteBuffer(record.getLastEvent()) : null,
					(record.getHeld() != null) ? ArticleEnriched.fromByteBuffer(record.getHeld()) : null,
					record.getReleaseAt());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"The publication state of article " + record.getArticleId() + " cannot be read", ex);
		}
	}

	/**
	 * An event without what the next version replaces anyway (body, HTML, tags), so the
	 * state stays small whatever the article's length. Copied field by field, sharing the
	 * event's values (strings and times, which do not change): a builder made from the
	 * event would first copy its whole text and enrichment deeply, only for them to be
	 * dropped, and work out the defaults of the enrichment's lists from the schema again,
	 * a tenth of the publisher's time per article in the load profile.
	 */
	static ArticlePublished header(ArticlePublished event) {
		Enrichment tags = event.getEnrichment();
		Enrichment kept = copy(NO_TAGS, new Enrichment());
		kept.setEngine(tags.getEngine());
		kept.setLanguage(tags.getLanguage());
		kept.setLanguageConfidence(tags.getLanguageConfidence());
		kept.setEnrichedAt(tags.getEnrichedAt());
		ArticlePublished header = copy(event, new ArticlePublished());
		header.setBody("");
		header.setBodyHtml("");
		header.setEnrichment(kept);
		return header;
	}

	/**
	 * An enrichment with no tags and no counts: every field but the four the header keeps
	 * at its default, worked out once, its lists empty and unchangeable.
	 */
	private static final Enrichment NO_TAGS = Enrichment.newBuilder()
		.setEngine("")
		.setLanguage("")
		.setLanguageConfidence(0)
		.setWordCount(0)
		.setSentenceCount(0)
		.setReadingTimeSeconds(0)
		.setEnrichedAt(Instant.EPOCH)
		.setEntities(List.of())
		.setQuotes(List.of())
		.setKeywords(List.of())
		.setTopics(List.of())
		.setCaptions(List.of())
		.build();

	private static <T extends SpecificRecord> T copy(T from, T to) {
		for (Schema.Field field : from.getSchema().getFields()) {
			to.put(field.pos(), from.get(field.pos()));
		}
		return to;
	}

	private static ByteBuffer encode(ArticlePublished event) {
		return encoded(event::toByteBuffer);
	}

	private static ByteBuffer encode(ArticleEnriched version) {
		return encoded(version::toByteBuffer);
	}

	private static ByteBuffer encoded(Encoding encoding) {
		try {
			return encoding.encode();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot encode the publication state", ex);
		}
	}

	@FunctionalInterface
	private interface Encoding {

		ByteBuffer encode() throws IOException;

	}

}
