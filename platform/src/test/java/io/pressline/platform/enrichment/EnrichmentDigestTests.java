package io.pressline.platform.enrichment;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import io.pressline.event.Entity;
import io.pressline.event.EntityType;
import io.pressline.event.Enrichment;
import io.pressline.event.Keyword;
import io.pressline.event.Mention;
import io.pressline.event.Quote;
import io.pressline.event.Topic;
import io.pressline.event.serde.EventSchemas;

import static org.assertj.core.api.Assertions.assertThat;

class EnrichmentDigestTests {

	static {
		EventSchemas.trust();
	}

	@Test
	void theSameEnrichmentOfAnotherRunHasTheSameDigest() {
		Enrichment first = harbour().build();
		Enrichment again = harbour().setEngine("pressline-nlp 2.0")
			.setEnrichedAt(Instant.parse("2026-12-03T18:00:00Z"))
			.setLanguageConfidence(0.81)
			.build();

		assertThat(EnrichmentDigest.of(again)).isEqualTo(EnrichmentDigest.of(first)).startsWith("sha256:").hasSize(71);
	}

	static List<Arguments> whatAReaderSees() {
		return List.of(
				Arguments.of("an entity's id",
						change((e) -> e.setEntities(
								List.of(Entity.newBuilder(e.getEntities().get(0)).setId("wikidata:Q1").build())))),
				Arguments.of("an entity more",
						change((e) -> e.setEntities(List.of(e.getEntities().get(0),
								entity("Ada Quill", EntityType.PERSON, "local:ada-quill"))))),
				Arguments.of("a mention's offsets",
						change((e) -> e.setEntities(List.of(Entity.newBuilder(e.getEntities().get(0))
							.setMentions(
									List.of(Mention.newBuilder().setStart(1).setEnd(9).setText("Portmere").build()))
							.build())))),
				Arguments.of("a quote's speaker",
						change((e) -> e.setQuotes(List.of(Quote.newBuilder(e.getQuotes().get(0))
							.setSpeaker("Ada Quill")
							.setSpeakerId("local:ada-quill")
							.build())))),
				Arguments.of("the topics", change((e) -> e.setTopics(List.of(topic("04000000", "economy"))))),
				Arguments.of("the keywords' order",
						change((e) -> e.setKeywords(List.of(e.getKeywords().get(1), e.getKeywords().get(0))))),
				Arguments.of("the summary", change((e) -> e.setSummary("The crane is back."))),
				Arguments.of("no summary", change((e) -> e.setSummary(null))),
				Arguments.of("the dateline", change((e) -> e.setDateline("PORTMERE —"))),
				Arguments.of("the language", change((e) -> e.setLanguage("fr"))),
				Arguments.of("the reading time", change((e) -> e.setReadingTimeSeconds(60))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("whatAReaderSees")
	void aChangeAReaderSeesChangesTheDigest(String change, UnaryOperator<Enrichment.Builder> edit) {
		assertThat(EnrichmentDigest.of(edit.apply(harbour()).build()))
			.isNotEqualTo(EnrichmentDigest.of(harbour().build()));
	}

	@Test
	void rawScoresDoNotCountButTheRelevanceDoes() {
		Enrichment base = harbour().build();
		Entity entity = base.getEntities().get(0);
		Enrichment rescored = harbour().setEntities(List.of(Entity.newBuilder(entity).setSalience(0.4101).build()))
			.setKeywords(List.of(keyword("crane", 0.5), keyword("harbour", 0.4)))
			.build();
		Enrichment morePrevalent = harbour()
			.setEntities(List.of(Entity.newBuilder(entity).setSalience(0.9).setRelevance(90).build()))
			.build();

		assertThat(EnrichmentDigest.of(rescored)).isEqualTo(EnrichmentDigest.of(base));
		assertThat(EnrichmentDigest.of(morePrevalent)).isNotEqualTo(EnrichmentDigest.of(base));
	}

	@Test
	void valuesDoNotRunIntoEachOther() {
		Enrichment one = harbour().setSummary("ab").setDateline("c").build();
		Enrichment other = harbour().setSummary("a").setDateline("bc").build();

		assertThat(EnrichmentDigest.of(one)).isNotEqualTo(EnrichmentDigest.of(other));
	}

	private static UnaryOperator<Enrichment.Builder> change(UnaryOperator<Enrichment.Builder> edit) {
		return edit;
	}

	private static Enrichment.Builder harbour() {
		return Enrichment.newBuilder()
			.setEngine("pressline-nlp 1.0")
			.setLanguage("en")
			.setLanguageConfidence(0.99)
			.setWordCount(42)
			.setSentenceCount(3)
			.setReadingTimeSeconds(10)
			.setEnrichedAt(Instant.parse("2026-03-10T08:00:00Z"))
			.setEntities(List.of(entity("Portmere", EntityType.LOCATION, "local:portmere")))
			.setQuotes(List.of(Quote.newBuilder()
				.setText("It is back")
				.setStart(20)
				.setEnd(30)
				.setSpeaker(null)
				.setSpeakerId(null)
				.setAttribution("none")
				.build()))
			.setKeywords(List.of(keyword("crane", 0.6), keyword("harbour", 0.3)))
			.setTopics(List.of(topic("02000000", "crime, law and justice")))
			.setSummary("The harbour crane is back in service.")
			.setDateline(null);
	}

	private static Entity entity(String name, EntityType type, String id) {
		return Entity.newBuilder()
			.setName(name)
			.setType(type)
			.setId(id)
			.setLinked(false)
			.setSalience(0.41)
			.setRelevance(41)
			.setAbout(true)
			.setMentions(List.of(Mention.newBuilder().setStart(0).setEnd(8).setText(name).build()))
			.build();
	}

	private static Keyword keyword(String text, double score) {
		return Keyword.newBuilder().setText(text).setScore(score).build();
	}

	private static Topic topic(String code, String label) {
		return Topic.newBuilder().setCode(code).setLabel(label).setScore(0.7).build();
	}

}
