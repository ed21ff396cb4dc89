package io.pressline.platform.enrichment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.pressline.event.Caption;
import io.pressline.event.Entity;
import io.pressline.event.Enrichment;
import io.pressline.event.Keyword;
import io.pressline.event.Mention;
import io.pressline.event.Quote;
import io.pressline.event.Topic;

/**
 * A digest of what an enrichment tells a reader of the article: its entities (name, type,
 * id, link, relevance, place data and every mention), quotes with speakers, keywords in
 * rank order, topic codes in rank order, summary, language, counts, dateline, byline and
 * captions. Two enrichments with the same digest look the same on a site, so a
 * re-enrichment that produces it again publishes nothing.
 * <p>
 * Left out, because they change on every run or by rounding without anything a reader
 * sees changing: the engine's name, when it ran, the language confidence and the raw
 * scores (salience, keyword and topic scores; their order and the 0 to 100 relevance stay
 * in). ingest-service computes it of the published version it replays, and
 * publish-service of the new enrichment; both with this class, so they agree.
 */
public final class EnrichmentDigest {

	// Changes whenever what the digest covers changes, so digests of two releases never
	// look equal by accident.
	private static final String FORMAT = "enrichment-digest/1";

	private EnrichmentDigest() {
	}

	/** The digest, as {@code sha256:} and 64 hex digits. */
	public static String of(Enrichment enrichment) {
		StringBuilder text = new StringBuilder(1024).append(FORMAT);
		field(text, enrichment.getLanguage());
		field(text, enrichment.getWordCount());
		field(text, enrichment.getSentenceCount());
		field(text, enrichment.getReadingTimeSeconds());
		field(text, enrichment.getEntities().size());
		for (Entity entity : enrichment.getEntities()) {
			field(text, entity.getName());
			field(text, entity.getType());
			field(text, entity.getId());
			field(text, entity.getUri());
			field(text, entity.getLinked());
			field(text, entity.getRelevance());
			field(text, entity.getAbout());
			field(text, entity.getCountry());
			field(text, entity.getLatitude());
			field(text, entity.getLongitude());
			field(text, entity.getMentions().size());
			for (Mention mention : entity.getMentions()) {
				field(text, mention.getStart());
				field(text, mention.getEnd());
				field(text, mention.getText());
			}
		}
		field(text, enrichment.getQuotes().size());
		for (Quote quote : enrichment.getQuotes()) {
			field(text, quote.getText());
			field(text, quote.getStart());
			field(text, quote.getEnd());
			field(text, quote.getSpeaker());
			field(text, quote.getSpeakerId());
			field(text, quote.getAttribution());
		}
		field(text, enrichment.getKeywords().size());
		for (Keyword keyword : enrichment.getKeywords()) {
			field(text, keyword.getText());
		}
		field(text, enrichment.getTopics().size());
		for (Topic topic : enrichment.getTopics()) {
			field(text, topic.getCode());
			field(text, topic.getLabel());
		}
		field(text, enrichment.getSummary());
		field(text, enrichment.getDateline());
		field(text, enrichment.getByline());
		field(text, enrichment.getCaptions().size());
		for (Caption caption : enrichment.getCaptions()) {
			field(text, caption.getText());
			field(text, caption.getCredit());
		}
		return "sha256:" + HexFormat.of().formatHex(sha256(text.toString()));
	}

	/**
	 * Each value with its length, so that no two different sequences of values read as
	 * the same text ("ab" + "c" against "a" + "bc"), and null apart from "null".
	 */
	private static void field(StringBuilder text, Object value) {
		if (value == null) {
			text.append("|-");
			return;
		}
		String string = value.toString();
		text.append('|').append(string.length()).append(':').append(string);
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
