package io.pressline.ingest.security;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.pressline.event.serde.AvroEventDeserializer;
import io.pressline.testing.TestApiKeys;
import io.pressline.testing.KafkaTest;
import io.pressline.testing.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what on a running ingest-service: editors submit, operators see details,
 * metrics, the status figures and the dead letters; nobody without a key does anything
 * but probe health and read the documentation, and a refused draft reaches no topic.
 */
@KafkaTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessControlTests {

	private static final String DRAFT = """
			{"headline": "Library opens on Sundays", "body": "The city library opens on Sundays from May."}
			""";

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Test
	void aDraftWithoutAKeyOrWithAnUnknownOneIsRefusedAndReachesNoTopic() throws Exception {
		String anonymous = "Anonymous " + UUID.randomUUID();
		String unknown = "Unknown " + UUID.randomUUID();
		try (TopicProbe<SpecificRecord> submitted = TopicProbe.on("articles.submitted", new AvroEventDeserializer())) {
			long before = submitted.endOffsetSum();

			HttpResponse<String> none = send(post(DRAFT.replace("Library", anonymous)));
			assertThat(none.statusCode()).isEqualTo(401);
			assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"pressline\"");
			assertThat(none.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
			assertThat(this.json.readTree(none.body()).get("type").asString()).endsWith("unauthenticated");

			HttpResponse<String> wrong = send(
					post(DRAFT.replace("Library", unknown)).header("Authorization", "Bearer not-a-key-we-know-at-all"));
			assertThat(wrong.statusCode()).isEqualTo(401);
			assertThat(this.json.readTree(wrong.body()).get("type").asString()).endsWith("unknown-api-key");

			assertThat(submitted.endOffsetSum()).isEqualTo(before);
		}
	}

	@Test
	void anEditorsKeySubmitsByHeaderButOpensNoOperatorEndpoint() throws Exception {
		assertThat(send(TestApiKeys.asEditor(post(DRAFT))).statusCode()).isEqualTo(202);
		assertThat(send(post(DRAFT).header("X-Api-Key", TestApiKeys.EDITOR)).statusCode()).isEqualTo(202);

		for (String path : new String[] { "/api/v1/dead-letters", "/api/v1/ops/pipeline", "/actuator/prometheus",
				"/actuator/metrics" }) {
			HttpResponse<String> refused = send(TestApiKeys.asEditor(get(path)));
			assertThat(refused.statusCode()).as(path).isEqualTo(403);
			assertThat(this.json.readTree(refused.body()).get("type").asString()).endsWith("forbidden");
		}
		HttpResponse<String> replay = send(
				TestApiKeys.asEditor(request("/api/v1/dead-letters/articles.submitted.dlq/0/0/replay")
					.POST(HttpRequest.BodyPublishers.noBody())));
		assertThat(replay.statusCode()).isEqualTo(403);
	}

	@Test
	void thePagesCookieReadsButNeverChangesAnythingAndAStaleOneIsIgnored() throws Exception {
		String cookie = "pressline-key=" + URLEncoder.encode(TestApiKeys.EDITOR, StandardCharsets.UTF_8);
		assertThat(send(get("/api/v1/articles").header("Cookie", cookie)).statusCode()).isEqualTo(200);
		HttpResponse<String> change = send(post(DRAFT).header("Cookie", cookie));
		assertThat(change.statusCode()).as("another page could make a browser send the cookie").isEqualTo(401);

		String stale = "pressline-key=a-key-from-an-earlier-run-0123456789";
		assertThat(send(get("/desk/").header("Cookie", stale)).statusCode()).isEqualTo(200);
		HttpResponse<String> data = send(get("/api/v1/articles").header("Cookie", stale));
		assertThat(data.statusCode()).isEqualTo(401);
		assertThat(this.json.readTree(data.body()).get("type").asString()).endsWith("unauthenticated");
	}

	@Test
	void anOperatorsKeyOpensMetricsDeadLettersAndTheStatusFigures() throws Exception {
		for (String path : new String[] { "/api/v1/dead-letters", "/api/v1/ops/pipeline", "/actuator/prometheus" }) {
			assertThat(send(TestApiKeys.asOperator(get(path))).statusCode()).as(path).isEqualTo(200);
		}
		assertThat(send(TestApiKeys.asOperator(post(DRAFT))).statusCode()).as("operators may submit too")
			.isEqualTo(202);
	}

	@Test
	void healthProbesAnswerAnyoneButShowTheirDetailsToOperatorsOnly() throws Exception {
		HttpResponse<String> anonymous = send(get("/actuator/health/readiness"));
		assertThat(anonymous.statusCode()).isEqualTo(200);
		JsonNode bare = this.json.readTree(anonymous.body());
		assertThat(bare.get("status").asString()).isEqualTo("UP");
		assertThat(bare.has("components")).isFalse();

		JsonNode detailed = this.json.readTree(send(TestApiKeys.asOperator(get("/actuator/health/readiness"))).body());
		assertThat(detailed.get("components").get("kafka").get("details").get("brokers").asInt()).isEqualTo(1);

		assertThat(send(get("/actuator/health/liveness")).statusCode()).isEqualTo(200);
		assertThat(send(get("/actuator/prometheus")).statusCode()).isEqualTo(401);
	}

	@Test
	void thePagesAndTheApiDocumentationOpenWithoutAKey() throws Exception {
		assertThat(send(get("/desk/")).statusCode()).isEqualTo(200);
		assertThat(send(get("/ops/")).statusCode()).isEqualTo(200);
		assertThat(send(get("/pressline/key.js")).statusCode()).isEqualTo(200);
		assertThat(send(get("/v3/api-docs")).statusCode()).isEqualTo(200);
		assertThat(send(get("/api/v1/articles")).statusCode()).as("but not the desk's data").isEqualTo(401);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	private HttpRequest.Builder get(String path) {
		return request(path).GET();
	}

	private HttpRequest.Builder post(String draft) {
		return request("/api/v1/articles").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(draft));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
