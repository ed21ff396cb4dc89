package io.pressline.publish.ninjs;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.pressline.event.ArticleEnriched;
import io.pressline.event.ArticlePublished;
import io.pressline.event.Entity;
import io.pressline.event.EntityType;
import io.pressline.event.Enrichment;
import io.pressline.event.Mention;
import io.pressline.event.PublicationEventType;
import io.pressline.event.Topic;
import io.pressline.publish.OldRecords;
import io.pressline.publish.PublishFixtures;
import io.pressline.publish.edition.Editions;
import io.pressline.publish.rules.Decision;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A published article as ninjs 3.1: each field where IPTC puts it, and every document
 * valid against IPTC's own JSON Schema.
 */
class NinjsTests {

	private static final Instant FIRST = Instant.parse("2026-12-03T08:00:00Z");

	private static final Instant NOW = Instant.parse("2026-12-03T09:30:00Z");

	private static final String ID = "3f2b8c1e-7d4a-4e1b-9c2f-5a6b7c8d9e0f";

	@Test
	void anEnrichedArticleIsAValidNinjsDocumentWithItsSubjectsAndEntities() {
		ObjectNode ninjs = Ninjs.document(article(PublicationEventType.UPDATED, 2));

		NinjsSchema.assertValid(ninjs);
		assertThat(ninjs.get("uri").asString()).isEqualTo("urn:uuid:" + ID);
		assertThat(ninjs.get("type").asString()).isEqualTo("text");
		assertThat(ninjs.get("version").asString()).isEqualTo("2");
		assertThat(ninjs.get("firstCreated").asString()).isEqualTo(FIRST.toString());
		assertThat(ninjs.get("versionCreated").asString()).isEqualTo(NOW.toString());
		assertThat(ninjs.get("pubStatus").asString()).isEqualTo("usable");
		assertThat(ninjs.get("language").asString()).isEqualTo("en");
		assertThat(ninjs.get("by").asString()).isEqualTo("By Ada Quill");
		assertThat(ninjs.get("located").asString()).isEqualTo("KYIV, Ukraine");
		assertThat(ninjs.at("/headlines/0/value").asString()).isEqualTo("Night buses return");
		assertThat(ninjs.at("/bodies/0/contentType").asString()).isEqualTo("text/plain");
		assertThat(ninjs.at("/bodies/1/contentType").asString()).isEqualTo("text/html");
		assertThat(ninjs.at("/bodies/1/value").asString()).startsWith("<p>");
		assertThat(ninjs.at("/descriptions/0/role").asString()).isEqualTo("summary");
		assertThat(ninjs.at("/descriptions/0/value").asString()).isEqualTo("Night buses run again.");

		JsonNode subject = ninjs.at("/subjects/0");
		assertThat(subject.get("uri").asString()).isEqualTo("http://cv.iptc.org/newscodes/mediatopic/11000000");
		assertThat(subject.get("name").asString()).isEqualTo("politics");
		assertThat(subject.get("relevance").asInt()).isEqualTo(100);
		assertThat(subject.get("confidence").asInt()).isEqualTo(87);
		assertThat(ninjs.at("/subjects/1/relevance").asInt()).isEqualTo(42);
		assertThat(ninjs.at("/subjects/1/confidence").asInt()).isEqualTo(31);
		assertThat(ninjs.has("embargoedUntil")).as("the version had no embargo").isFalse();

		assertThat(ninjs.at("/people/0/name").asString()).isEqualTo("Olena Petrenko");
		assertThat(ninjs.at("/people/0/rel").asString()).isEqualTo("about");
		assertThat(ninjs.at("/people/0/uri").asString()).isEqualTo("https://www.wikidata.org/entity/Q42");
		assertThat(ninjs.at("/people/1/rel").asString()).isEqualTo("mentions");
		assertThat(ninjs.at("/people/1/literal").asString()).isEqualTo("local:person:ab12cd");
		assertThat(ninjs.at("/people/1/uri").isMissingNode()).isTrue();
		assertThat(ninjs.at("/organisations/0/literal").asString()).isEqualTo("kb:city-transit");
		assertThat(ninjs.at("/places/0/uri").asString()).isEqualTo("https://sws.geonames.org/703448/");
		assertThat(ninjs.at("/places/0/geoJSON/type").asString()).isEqualTo("Point");
		assertThat(ninjs.at("/places/0/geoJSON/coordinates/0").asDouble()).isEqualTo(30.5238);
		assertThat(ninjs.at("/places/0/geoJSON/coordinates/1").asDouble()).isEqualTo(50.4547);
		assertThat(ninjs.at("/places/1/uri").asString()).isEqualTo("https://www.iso.org/obp/ui/#iso:code:3166:UA");
		assertThat(ninjs.at("/places/1/geoJSON").isMissingNode()).isTrue();
		assertThat(ninjs.toString()).as("dates and amounts have no place in ninjs").doesNotContain("2026-12-05");
	}

	@Test
	void aRetractionIsCanceledWithItsReasonAndNoText() {
		ObjectNode ninjs = Ninjs.document(article(PublicationEventType.RETRACTED, 3));

		NinjsSchema.assertValid(ninjs);
		assertThat(ninjs.get("pubStatus").asString()).isEqualTo("canceled");
		assertThat(ninjs.get("version").asString()).isEqualTo("3");
		assertThat(ninjs.has("bodies")).isFalse();
		assertThat(ninjs.has("subjects")).isFalse();
		assertThat(ninjs.at("/descriptions/0/role").asString()).isEqualTo("retraction");
	}

	@Test
	void anEmbargoedVersionSaysUntilWhenItWasEmbargoed() {
		Instant embargo = Instant.parse("2026-12-03T09:30:00.250Z");
		ObjectNode ninjs = Ninjs.document(ArticlePublished.newBuilder(article(PublicationEventType.PUBLISHED, 1))
			.setSubmittedAt(FIRST.minusSeconds(3600))
			.setEmbargoUntil(embargo)
			.setPublishedAt(embargo.plusMillis(40))
			.build());

		NinjsSchema.assertValid(ninjs);
		assertThat(ninjs.get("embargoedUntil").asString()).isEqualTo("2026-12-03T09:30:00.250Z");
		assertThat(ninjs.get("pubStatus").asString()).isEqualTo("usable");
	}

	@Test
	void anEmbargoThatHadPassedAtSubmissionOrARetractionIsNotEmbargoed() {
		ArticlePublished late = ArticlePublished.newBuilder(article(PublicationEventType.PUBLISHED, 1))
			.setEmbargoUntil(NOW.minusSeconds(60))
			.build();
		ArticlePublished retraction = ArticlePublished.newBuilder(article(PublicationEventType.RETRACTED, 2))
			.setSubmittedAt(FIRST.minusSeconds(3600))
			.setEmbargoUntil(FIRST)
			.build();

		for (ArticlePublished article : List.of(late, retraction)) {
			ObjectNode ninjs = Ninjs.document(article);
			NinjsSchema.assertValid(ninjs);
			assertThat(ninjs.has("embargoedUntil")).as("%s", article.getEventType()).isFalse();
		}
	}

	@Test
	void aRecordWrittenBeforeSchemaV5MapsWithoutEmbargoOrConfidence() throws IOException {
		Instant embargo = NOW.minusSeconds(60);
		ArticlePublished current = ArticlePublished.newBuilder(article(PublicationEventType.PUBLISHED, 1))
			.setSubmittedAt(FIRST.minusSeconds(3600))
			.setEmbargoUntil(embargo)
			.build();
		assertThat(Ninjs.document(current).has("embargoedUntil")).isTrue();

		ArticlePublished old = OldRecords.asWrittenWith("v4", current);

		assertThat(old.getEmbargoUntil()).isNull();
		assertThat(old.getEnrichment().getTopics()).allSatisfy((topic) -> assertThat(topic.getConfidence()).isNull());
		ObjectNode ninjs = Ninjs.document(old);
		NinjsSchema.assertValid(ninjs);
		assertThat(ninjs.has("embargoedUntil")).isFalse();
		assertThat(ninjs.at("/subjects/0/relevance").asInt()).isEqualTo(100);
		assertThat(ninjs.at("/subjects/0/confidence").isMissingNode()).isTrue();
		assertThat(ninjs.at("/people/0/name").asString()).isEqualTo("Olena Petrenko");
	}

	@Test
	void anArticleWithNothingFoundInItIsStillValid() {
		Instant now = Instant.now();
		ArticleEnriched enriched = PublishFixtures
			.enriched(PublishFixtures.draft("plain-id", 1).setSubmittedAt(now).build());
		ArticlePublished article = new Editions("https://news.example.org").edition(enriched,
				new Decision.Publish(PublicationEventType.PUBLISHED, now, "local"), null, now);

		ObjectNode ninjs = Ninjs.document(article);

		NinjsSchema.assertValid(ninjs);
		assertThat(ninjs.get("uri").asString()).isEqualTo("urn:pressline:article:plain-id");
	}

	@Test
	void theSchemaCatchesWhatIsNotNinjs() {
		// The validator is not a rubber stamp: the same document with a status, a
		// relevance or a property ninjs does not have is refused.
		ObjectNode ninjs = Ninjs.document(article(PublicationEventType.PUBLISHED, 1));
		assertThat(NinjsSchema.problems(ninjs.deepCopy().put("pubStatus", "retracted"))).isNotEmpty();
		ObjectNode tooRelevant = ninjs.deepCopy();
		((ObjectNode) tooRelevant.at("/subjects/0")).put("relevance", 101);
		assertThat(NinjsSchema.problems(tooRelevant)).isNotEmpty();
		ObjectNode tooSure = ninjs.deepCopy();
		((ObjectNode) tooSure.at("/subjects/0")).put("confidence", 101);
		assertThat(NinjsSchema.problems(tooSure)).isNotEmpty();
		assertThat(NinjsSchema.problems(ninjs.deepCopy().put("embargoed", "2026-12-03T09:30:00Z")))
			.as("ninjs 3.1 calls it embargoedUntil")
			.isNotEmpty();
		assertThat(NinjsSchema.problems(ninjs.deepCopy().put("embargoedUntil", "at dawn"))).isNotEmpty();
		assertThat(NinjsSchema.problems(ninjs.deepCopy().put("bylines", "Ada Quill"))).isNotEmpty();
		assertThat(NinjsSchema.problems(ninjs.deepCopy().put("versionCreated", "yesterday"))).isNotEmpty();
		ObjectNode badPoint = ninjs.deepCopy();
		((ObjectNode) badPoint.at("/places/0/geoJSON")).putArray("coordinates").add(30.5);
		assertThat(NinjsSchema.problems(badPoint)).isNotEmpty();
	}

	@Test
	void onlyACanonicalUuidIsAUrnUuid() {
		assertThat(Ninjs.uri(ID)).isEqualTo("urn:uuid:" + ID);
		assertThat(Ninjs.uri("1-2-3-4-5")).isEqualTo("urn:pressline:article:1-2-3-4-5");
		assertThat(Ninjs.uri("a b/c")).isEqualTo("urn:pressline:article:a+b%2Fc");
	}

	static ArticlePublished article(PublicationEventType type, int version) {
		boolean retracted = type == PublicationEventType.RETRACTED;
		Enrichment enrichment = Enrichment.newBuilder(PublishFixtures.enrichment(FIRST))
			.setSummary("Night buses run again.")
			.setDateline("KYIV, Ukraine")
			.setTopics(List.of(new Topic("medtop:11000000", "politics", 1.0, 0.874),
					new Topic("medtop:04000000", "economy, business and finance", 0.42, 0.306)))
			.setEntities(List.of(
					entity("Olena Petrenko", EntityType.PERSON, "wikidata:Q42", "https://www.wikidata.org/entity/Q42",
							true, null, null),
					entity("Taras Bondar", EntityType.PERSON, "local:person:ab12cd", null, false, null, null),
					entity("City Transit", EntityType.ORGANIZATION, "kb:city-transit", null, true, null, null),
					entity("Kyiv", EntityType.LOCATION, "geonames:703448", "https://sws.geonames.org/703448/", true,
							50.4547, 30.5238),
					entity("Ukraine", EntityType.LOCATION, "iso3166-1:UA", null, false, null, null),
					entity("2026-12-05", EntityType.DATE, "date:2026-12-05", null, false, null, null)))
			.build();
		return ArticlePublished.newBuilder()
			.setArticleId(ID)
			.setVersion(version)
			.setEventType(type)
			.setSlug("night-buses-return")
			.setCanonicalUrl("https://news.example.org/local/night-buses-return")
			.setHeadline("Night buses return")
			.setBody(retracted ? "" : "The night buses run again from Friday.\n\nKyiv's mayor said so.")
			.setBodyHtml(
					retracted ? "" : "<p>The night buses run again from Friday.</p><p>Kyiv&#39;s mayor said so.</p>")
			.setByline("By Ada Quill")
			.setSection("local")
			.setLanguage("en")
			.setNote(retracted ? "Published in error" : null)
			.setEnrichment(enrichment)
			.setSubmittedAt(NOW)
			.setFirstPublishedAt(FIRST)
			.setPublishedAt(NOW)
			.build();
	}

	private static Entity entity(String name, EntityType type, String id, String uri, boolean about, Double latitude,
			Double longitude) {
		return Entity.newBuilder()
			.setName(name)
			.setType(type)
			.setId(id)
			.setUri(uri)
			.setLinked(uri != null)
			.setSalience(about ? 0.8 : 0.2)
			.setRelevance(about ? 80 : 20)
			.setAbout(about)
			.setLatitude(latitude)
			.setLongitude(longitude)
			.setMentions(List.<Mention>of())
			.build();
	}

}
