package io.pressline.ingest.desk;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.pressline.event.serde.AvroEventDeserializer;
import io.pressline.testing.KafkaTest;
import io.pressline.testing.TopicProbe;
import io.pressline.testing.TestApiKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the desk page relies on, against a real broker: recent articles with their
 * versions, live changes, drafts checked without being submitted, the enrichment
 * preview's failure when enrich-service is away, the page itself and the API description.
 */
@KafkaTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeskApiTests {

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void enrichServiceIsAway(DynamicPropertyRegistry registry) throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		registry.add("pressline.ingest.desk.enrich-url", () -> "http://127.0.0.1:" + closedPort);
	}

	@Test
	void recentArticlesListEachWithItsVersionsAndLatestDraft() throws Exception {
		String id = submit("""
				{"headline": "Harbour wall repaired", "body": "The harbour wall was repaired overnight.",
				 "section": "local", "byline": "Ann Reyes"}
				""");
		send("PUT", "/api/v1/articles/" + id, """
				{"headline": "Harbour wall repaired at last", "body": "The harbour wall was repaired overnight.",
				 "section": "local", "note": "The repair took a year."}
				""");

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			JsonNode article = article(get("/api/v1/articles?limit=500"), id);
			assertThat(article).as("article %s in the list", id).isNotNull();
			assertThat(article.get("headline").asString()).isEqualTo("Harbour wall repaired at last");
			assertThat(article.get("version").asInt()).isEqualTo(2);
			assertThat(article.get("versions")).extracting((v) -> v.get("kind").asString())
				.containsExactly("NEW", "CORRECTION");
		});
		JsonNode versions = this.json.readTree(get("/api/v1/articles/" + id + "/versions").body());
		assertThat(versions.get("versions").get(1).get("note").asString()).isEqualTo("The repair took a year.");
		JsonNode draft = this.json.readTree(get("/api/v1/articles/" + id + "/draft").body());
		assertThat(draft.get("version").asInt()).isEqualTo(2);
		assertThat(draft.get("body").asString()).isEqualTo("The harbour wall was repaired overnight.");
		assertThat(draft.get("byline").isNull()).as("version 2 was sent without a byline").isTrue();

		assertThat(get("/api/v1/articles/no-such-article/versions").statusCode()).isEqualTo(404);
		assertThat(get("/api/v1/articles?limit=0").statusCode()).isEqualTo(400);
	}

	@Test
	void theLiveStreamStartsWithASnapshotAndThenTellsEachChange() throws Exception {
		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		HttpResponse<InputStream> stream = this.http.send(
				TestApiKeys.asEditor(HttpRequest.newBuilder(URI.create(url("/api/v1/articles/events")))).build(),
				HttpResponse.BodyHandlers.ofInputStream());
		assertThat(stream.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
				in.lines().forEach(lines::add);
			}
			catch (Exception ex) {
				// The stream is closed when the test ends.
			}
		});
		reader.setDaemon(true);
		reader.start();
		try {
			assertThat(nextEvent(lines)).startsWith("snapshot ");

			String id = submit("""
					{"headline": "Tram line opens", "body": "The new tram line opened on Monday."}
					""");

			await().atMost(Duration.ofSeconds(20)).until(() -> {
				String event = nextEvent(lines);
				return event != null && event.startsWith("article ") && event.contains(id);
			});
		}
		finally {
			stream.body().close();
			reader.interrupt();
		}
	}

	@Test
	void aDraftIsCheckedByTheSubmissionRulesWithoutBeingSubmitted() throws Exception {
		try (TopicProbe<SpecificRecord> submitted = TopicProbe.on("articles.submitted", new AvroEventDeserializer())) {
			long before = submitted.endOffsetSum();

			HttpResponse<String> fine = send("POST", "/api/v1/drafts/check", "text/plain; charset=utf-8",
					"Council votes on budget\n\nThe council voted on the budget on Tuesday.\n");
			assertThat(fine.statusCode()).as(fine.body()).isEqualTo(200);
			JsonNode draft = this.json.readTree(fine.body());
			assertThat(draft.get("headline").asString()).isEqualTo("Council votes on budget");
			assertThat(draft.get("body").asString()).isEqualTo("The council voted on the budget on Tuesday.");

			HttpResponse<String> refused = send("POST", "/api/v1/drafts/check", "application/json", """
					{"headline": " ", "body": "", "embargoUntil": "next week"}
					""");
			assertThat(refused.statusCode()).isEqualTo(422);
			assertThat(this.json.readTree(refused.body()).get("errors")).extracting((e) -> e.get("field").asString())
				.contains("headline", "body", "embargoUntil");

			assertThat(submitted.endOffsetSum()).as("nothing reaches Kafka").isEqualTo(before);
		}
	}

	@Test
	void aPreviewWithoutEnrichServiceSaysSoAndTheDraftIsStillChecked() throws Exception {
		HttpResponse<String> unavailable = send("POST", "/api/v1/drafts/preview", "application/json", """
				{"headline": "Council votes on budget", "body": "The council voted on Tuesday."}
				""");
		assertThat(unavailable.statusCode()).isEqualTo(503);
		assertThat(this.json.readTree(unavailable.body()).get("type").asString())
			.isEqualTo("urn:pressline:problem:preview-unavailable");

		HttpResponse<String> invalid = send("POST", "/api/v1/drafts/preview", "application/json", """
				{"headline": "", "body": "The council voted on Tuesday."}
				""");
		assertThat(invalid.statusCode()).as("a bad draft is refused before enrich-service is asked").isEqualTo(422);
	}

	@Test
	void theDeskPageAndTheApiDescriptionAreServed() throws Exception {
		HttpResponse<String> root = get("/");
		assertThat(root.statusCode()).isEqualTo(302);
		assertThat(root.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/desk/"));
		HttpResponse<String> page = get("/desk/");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<title>Pressline desk</title>", "desk.js");
		assertThat(get("/desk/desk.js").statusCode()).isEqualTo(200);

		JsonNode api = this.json.readTree(get("/v3/api-docs").body());
		assertThat(api.get("openapi").asString()).startsWith("3.");
		assertThat(api.get("info").get("title").asString()).isEqualTo("Pressline ingest-service");
		assertThat(api.get("paths").propertyNames()).contains("/api/v1/articles", "/api/v1/articles/{id}",
				"/api/v1/articles/{id}/versions", "/api/v1/drafts/check", "/api/v1/drafts/preview");
		assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
	}

	/** The next whole event as "name data", or null if none comes within five seconds. */
	private static String nextEvent(BlockingQueue<String> lines) throws InterruptedException {
		String name = null;
		StringBuilder data = new StringBuilder();
		while (true) {
			String line = lines.poll(5, TimeUnit.SECONDS);
			if (line == null) {
				return null;
			}
			if (line.startsWith("event:")) {
				name = line.substring(6).strip();
			}
			else if (line.startsWith("data:")) {
				data.append(line.substring(5).strip());
			}
			else if (line.isEmpty() && name != null) {
				return name + " " + data;
			}
		}
	}

	private JsonNode article(HttpResponse<String> list, String id) {
		for (JsonNode article : this.json.readTree(list.body())) {
			if (id.equals(article.get("id").asString())) {
				return article;
			}
		}
		return null;
	}

	private String submit(String draft) throws Exception {
		HttpResponse<String> response = send("POST", "/api/v1/articles", draft);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return this.json.readTree(response.body()).get("id").asString();
	}

	private HttpResponse<String> send(String method, String path, String json) throws Exception {
		return send(method, path, "application/json", json);
	}

	private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
		return this.http.send(TestApiKeys.asEditor(HttpRequest.newBuilder(URI.create(url(path))))
			.header("Content-Type", contentType)
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(TestApiKeys.asEditor(HttpRequest.newBuilder(URI.create(url(path)))).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
