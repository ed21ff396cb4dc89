package io.pressline.enrich.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.pressline.testing.KafkaTest;
import io.pressline.testing.TestApiKeys;

import static org.assertj.core.api.Assertions.assertThat;

/** The enrichment preview an editor calls before submitting. */
@KafkaTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EnrichmentPreviewTests {

	private static final String DRAFT = """
			Kyiv mayor opens new metro line

			KYIV, Ukraine — Mayor Vitali Serhiyenko opened a metro line on Tuesday, the city said. \
			The line cost €90 million and was paid for with a loan from the European Investment Bank.

			“This line will carry forty thousand people a day,” Serhiyenko told reporters. \
			“It was built during the war,” he said.
			""";

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Test
	void aTextDraftComesBackWithItsEntitiesQuotesTopicsAndSummary() throws Exception {
		HttpResponse<String> response = post("text/plain; charset=utf-8", DRAFT, "?date=2026-03-12");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode enrichment = this.json.readTree(response.body());
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
		assertThat(enrichment.get("summary").asString()).startsWith("Mayor Vitali Serhiyenko opened a metro line")
			.doesNotContain("“");
		assertThat(enrichment.get("language").asString()).isEqualTo("en");
	}

	@Test
	void theJsonFormOfTheSubmissionApiIsAcceptedToo() throws Exception {
		HttpResponse<String> response = post("application/json",
				"{\"headline\": \"Dam repairs finish\", \"body\": \"Engineers in Rotterdam finished the repairs.\"}",
				"");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(entity(this.json.readTree(response.body()), "Rotterdam").get("country").asString()).isEqualTo("NL");
	}

	@Test
	void aBadDraftIsAProblemNamingTheField() throws Exception {
		HttpResponse<String> missing = post("application/json", "{\"headline\": \"Only a headline\"}", "");
		HttpResponse<String> badDate = post("text/plain", "Headline\n\nBody text.", "?date=soon");

		assertThat(missing.statusCode()).isEqualTo(422);
		assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(this.json.readTree(missing.body()).get("field").asString()).isEqualTo("body");
		assertThat(badDate.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(badDate.body()).get("field").asString()).isEqualTo("date");
	}

	@Test
	void theServiceDescribesItsApiInOpenApiWithAnInteractivePage() throws Exception {
		JsonNode api = this.json.readTree(get("/v3/api-docs").body());

		assertThat(api.get("openapi").asString()).startsWith("3.");
		assertThat(api.get("paths").get("/api/v1/enrichments").has("post")).isTrue();
		assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
	}

	private static JsonNode entity(JsonNode enrichment, String name) {
		for (JsonNode entity : enrichment.get("entities")) {
			if (entity.get("name").asString().equals(name)) {
				return entity;
			}
		}
		throw new AssertionError("No entity " + name + " in " + enrichment.get("entities"));
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http
			.send(TestApiKeys.asEditor(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String contentType, String body, String query) throws Exception {
		return this.http.send(TestApiKeys
			.asEditor(
					HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/enrichments" + query)))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
