package io.pressline.enrich;

import java.time.Instant;

import io.pressline.enrich.nlp.ArticleAnalysis;
import io.pressline.event.Caption;
import io.pressline.event.Enrichment;
import io.pressline.event.Entity;
import io.pressline.event.EntityType;
import io.pressline.event.Keyword;
import io.pressline.event.Mention;
import io.pressline.event.Quote;
import io.pressline.event.Topic;

/**
 * The engine's analysis as the Avro {@code Enrichment} that travels on Kafka, and that
 * the preview endpoint shows as JSON: one mapping for both.
 */
public final class EnrichmentRecords {

	/** Name and version of the engine, recorded in every enrichment. */
	public static final String ENGINE = "pressline-enrich/0.2";

	private EnrichmentRecords() {
	}

	/** The enrichment of a text-less event such as a retraction: nothing found. */
	public static Enrichment none(Instant enrichedAt) {
		return Enrichment.newBuilder()
			.setEngine(ENGINE)
			.setLanguage("und")
			.setLanguageConfidence(0)
			.setWordCount(0)
			.setSentenceCount(0)
			.setReadingTimeSeconds(0)
			.setEnrichedAt(enrichedAt)
			.build();
	}

	public static Enrichment toAvro(ArticleAnalysis analysis, Instant enrichedAt) {
		return Enrichment.newBuilder()
			.setEngine(ENGINE)
			.setLanguage(analysis.language())
			.setLanguageConfidence(analysis.languageConfidence())
			.setWordCount(analysis.wordCount())
			.setSentenceCount(analysis.sentenceCount())
			.setReadingTimeSeconds(analysis.readingTimeSeconds())
			.setEnrichedAt(enrichedAt)
			.setEntities(analysis.entities().stream().map(EnrichmentRecords::entity).toList())
			.setQuotes(analysis.quotes()
				.stream()
				.map((q) -> Quote.newBuilder()
					.setText(q.text())
					.setStart(q.start())
					.setEnd(q.end())
					.setSpeaker(q.speaker())
					.setSpeakerId(q.speakerId())
					.setAttribution(q.attribution())
					.build())
				.toList())
			.setKeywords(analysis.keywords()
				.stream()
				.map((k) -> Keyword.newBuilder().setText(k.text()).setScore(k.score()).build())
				.toList())
			.setTopics(analysis.topics()
				.stream()
				.map((t) -> Topic.newBuilder()
					.setCode(t.code())
					.setLabel(t.label())
					.setScore(t.score())
					.setConfidence(t.confidence())
					.build())
				.toList())
			.setSummary(analysis.summary().isEmpty() ? null : analysis.summary())
			.setDateline(analysis.dateline())
			.setByline(analysis.byline())
			.setCaptions(analysis.captions()
				.stream()
				.map((c) -> Caption.newBuilder().setText(c.text()).setCredit(c.credit()).build())
				.toList())
			.build();
	}

	private static Entity entity(io.pressline.enrich.nlp.ner.Entity entity) {
		return Entity.newBuilder()
			.setName(entity.name())
			.setType(EntityType.valueOf(entity.type().name()))
			.setId(entity.id())
			.setUri(entity.uri())
			.setLinked(entity.linked())
			.setSalience(entity.salience())
			.setRelevance((int) Math.round(entity.salience() * 100))
			.setAbout(entity.about())
			.setCountry(entity.country())
			.setLatitude(entity.latitude())
			.setLongitude(entity.longitude())
			.setMentions(entity.mentions()
				.stream()
				.map((m) -> Mention.newBuilder().setStart(m.start()).setEnd(m.end()).setText(m.text()).build())
				.toList())
			.build();
	}

}
