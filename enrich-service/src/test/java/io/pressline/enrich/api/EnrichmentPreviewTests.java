package io.pressline.enrich.api;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.pressline.enrich.nlp.Enricher;
import io.pressline.platform.draft.DraftRequests;
import io.pressline.platform.security.PresslineSecurityConfiguration;
import io.pressline.platform.web.DraftProblems;
import io.pressline.testing.TestApiKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The enrichment preview an editor calls before submitting, as an HTTP slice: the
 * controller, the engine, the draft rules and the access control, no broker.
 */
@WebMvcTest(EnrichmentPreviewController.class)
@Import({ PresslineSecurityConfiguration.class, DraftProblems.class, EnrichmentPreviewTests.Engine.class })
class EnrichmentPreviewTests {

	private static final String DRAFT = """
			Kyiv mayor opens new metro line

			KYIV, Ukraine — Mayor Vitali Serhiyenko opened a metro line on Tuesday, the city said. \
			The line cost €90 million and was paid for with a loan from the European Investment Bank.

			“This line will carry forty thousand people a day,” Serhiyenko told reporters. \
			“It was built during the war,” he said.
			""";

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private MockMvc mvc;

	@Test
	void aTextDraftComesBackWithItsEntitiesQuotesTopicsAndSummary() throws Exception {
		MvcResult response = preview("text/plain; charset=utf-8", DRAFT, "2026-03-12");

		assertThat(response.getResponse().getStatus()).as(body(response)).isEqualTo(200);
		JsonNode enrichment = this.json.readTree(body(response));
		JsonNode kyiv = entity(enrichment, "Kyiv");
		assertThat(kyiv.get("type").asString()).isEqualTo("LOCATION");
		assertThat(kyiv.get("id").asString()).isEqualTo("geonames:703448");
		assertThat(kyiv.get("latitude").asDouble()).isBetween(50.0, 51.0);
		assertThat(kyiv.get("salience").asDouble()).isBetween(0.0, 1.0);
		assertThat(kyiv.get("mentions").size()).isGreaterThanOrEqualTo(2);
		JsonNode mayor = entity(enrichment, "Vitali Serhiyenko");
		assertThat(mayor.get("type").asString()).isEqualTo("PERSON");
		assertThat(mayor.get("mentions").size()).isEqualTo(2);
		assertThat(entity(enrichment, "Ukraine").get("id").asString()).isEqualTo("iso3166-1:UA");
		assertThat(entity(enrichment, "2026-03-10").get("type").asString()).isEqualTo("DATE");
		assertThat(entity(enrichment, "90000000 EUR").get("type").asString()).isEqualTo("MONEY");
		assertThat(enrichment.get("quotes")).hasSize(2)
			.allSatisfy((quote) -> assertThat(quote.get("speaker").asString()).isEqualTo("Vitali Serhiyenko"));
		assertThat(enrichment.get("dateline").asString()).isEqualTo("KYIV, Ukraine");
		assertThat(enrichment.get("topics").get(0).get("code").asString()).startsWith("medtop:");
		assertThat(enrichment.get("topics").get(0).get("score").asDouble()).isEqualTo(1.0);
		assertThat(enrichment.get("topics"))
			.allSatisfy((topic) -> assertThat(topic.get("confidence").asDouble()).isGreaterThan(0).isLessThan(1));
		assertThat(enrichment.get("summary").asString()).startsWith("Mayor Vitali Serhiyenko opened a metro line")
			.doesNotContain("“");
		assertThat(enrichment.get("language").asString()).isEqualTo("en");
	}

	@Test
	void theJsonFormOfTheSubmissionApiIsAcceptedToo() throws Exception {
		MvcResult response = preview("application/json",
				"{\"headline\": \"Dam repairs finish\", \"body\": \"Engineers in Rotterdam finished the repairs.\"}",
				null);

		assertThat(response.getResponse().getStatus()).isEqualTo(200);
		assertThat(entity(this.json.readTree(body(response)), "Rotterdam").get("country").asString()).isEqualTo("NL");
	}

	@Test
	void aBadDraftIsAProblemNamingTheField() throws Exception {
		MvcResult missing = preview("application/json", "{\"headline\": \"Only a headline\"}", null);
		MvcResult badDate = preview("text/plain", "Headline\n\nBody text.", "soon");

		assertThat(missing.getResponse().getStatus()).isEqualTo(422);
		assertThat(missing.getResponse().getContentType()).isEqualTo("application/problem+json");
		assertThat(this.json.readTree(body(missing)).get("field").asString()).isEqualTo("body");
		assertThat(badDate.getResponse().getStatus()).isEqualTo(400);
		assertThat(this.json.readTree(body(badDate)).get("field").asString()).isEqualTo("date");
	}

	@Test
	void aDraftOverTheBodyLimitIsRefusedBeforeItIsRead() throws Exception {
		MvcResult response = preview("text/plain", "Headline\n\n" + "x".repeat(Engine.LIMIT + 1), null);

		assertThat(response.getResponse().getStatus()).isEqualTo(413);
	}

	@Test
	void aRequestWithoutAnApiKeyIsRefused() throws Exception {
		MvcResult response = this.mvc
			.perform(post("/api/v1/enrichments").contentType(MediaType.TEXT_PLAIN).content(DRAFT))
			.andReturn();

		assertThat(response.getResponse().getStatus()).isEqualTo(401);
	}

	private MvcResult preview(String contentType, String body, String date) throws Exception {
		var request = post("/api/v1/enrichments").header("Authorization", "Bearer " + TestApiKeys.EDITOR)
			.contentType(contentType)
			.content(body);
		if (date != null) {
			request.param("date", date);
		}
		return this.mvc.perform(request).andReturn();
	}

	private static String body(MvcResult response) throws Exception {
		return response.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	private static JsonNode entity(JsonNode enrichment, String name) {
		for (JsonNode entity : enrichment.get("entities")) {
			if (entity.get("name").asString().equals(name)) {
				return entity;
			}
		}
		throw new AssertionError("No entity " + name + " in " + enrichment.get("entities"));
	}

	/** The engine as the service makes it, and draft rules with a small body limit. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Engine {

		static final int LIMIT = 16 * 1024;

		@Bean
		Enricher enricher() {
			return Enricher.standard();
		}

		@Bean
		DraftRequests draftRequests(JsonMapper jsonMapper) {
			return new DraftRequests(LIMIT, jsonMapper);
		}

	}

}
