package io.pressline.event.json;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.pressline.event.Entity;
import io.pressline.event.EntityType;
import io.pressline.event.Enrichment;
import io.pressline.event.Mention;
import io.pressline.event.serde.EventSchemas;

import static org.assertj.core.api.Assertions.assertThat;

class EventJsonTests {

	@BeforeAll
	static void trustTheEventClasses() {
		// A producer that builds records before creating a serializer must do this first
		// (see EventSchemas).
		EventSchemas.trust();
	}

	@Test
	void rendersUnionsEnumsTimestampsAndNestedRecordsAsPlainJson() {
		Enrichment enrichment = Enrichment.newBuilder()
			.setEngine("test")
			.setLanguage("en")
			.setLanguageConfidence(0.9)
			.setWordCount(12)
			.setSentenceCount(1)
			.setReadingTimeSeconds(3)
			.setEnrichedAt(Instant.parse("2026-03-02T09:15:00Z"))
			.setEntities(List.of(Entity.newBuilder()
				.setName("Kyiv")
				.setType(EntityType.LOCATION)
				.setId("geonames:703448")
				.setUri("https://sws.geonames.org/703448/")
				.setSalience(0.8)
				.setRelevance(80)
				.setLatitude(50.45)
				.setLongitude(30.52)
				.setMentions(List.of(Mention.newBuilder().setStart(0).setEnd(4).setText("KYIV").build()))
				.build()))
			.setSummary(null)
			.build();

		JsonNode json = JsonMapper.builder().build().readTree(EventJson.render(enrichment, false));

		assertThat(json.get("enrichedAt").asString()).isEqualTo("2026-03-02T09:15:00Z");
		assertThat(json.get("summary").isNull()).isTrue();
		JsonNode kyiv = json.get("entities").get(0);
		assertThat(kyiv.get("type").asString()).isEqualTo("LOCATION");
		assertThat(kyiv.get("uri").asString()).isEqualTo("https://sws.geonames.org/703448/");
		assertThat(kyiv.get("latitude").asDouble()).isEqualTo(50.45);
		assertThat(kyiv.get("mentions").get(0).get("text").asString()).isEqualTo("KYIV");
	}

}
