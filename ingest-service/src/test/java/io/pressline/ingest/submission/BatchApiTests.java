package io.pressline.ingest.submission;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.pressline.event.ArticleStage;
import io.pressline.event.ArticleStatus;
import io.pressline.event.ArticleSubmitted;
import io.pressline.event.ArticleVersion;
import io.pressline.event.serde.AvroEventDeserializer;
import io.pressline.testing.KafkaTest;
import io.pressline.testing.TestApiKeys;
import io.pressline.testing.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk submission against a real broker: a batch with good and bad drafts puts each
 * accepted draft on {@code articles.submitted} exactly once, with its version record and
 * its RECEIVED status, and nothing of the refused ones; sent again, it adds nothing.
 */
@KafkaTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "pressline.drafts.max-body-size=4KB")
class BatchApiTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	@LocalServerPort
	private int port;

	private TopicProbe<SpecificRecord> submitted;

	private TopicProbe<SpecificRecord> versions;

	private TopicProbe<SpecificRecord> statuses;

	@BeforeEach
	void openProbes() {
		this.submitted = TopicProbe.on("articles.submitted", new AvroEventDeserializer());
		this.versions = TopicProbe.on("articles.versions", new AvroEventDeserializer());
		this.statuses = TopicProbe.on("articles.status", new AvroEventDeserializer());
	}

	@AfterEach
	void closeProbes() {
		this.submitted.close();
		this.versions.close();
		this.statuses.close();
	}

	@Test
	void aMixedBatchProducesEachAcceptedDraftOnceAndNothingOfTheRefusedOnes() throws Exception {
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			lines.add(draft("good " + i, "key-" + this.run + "-" + i));
		}
		lines.add(3, "{\"headline\": \"" + this.run + " no body\", \"idempotencyKey\": \"bad-" + this.run + "\"}");
		lines.add(7, "{\"headline\": \"" + this.run + " bad key\", \"body\": \"B.\", \"idempotencyKey\": \"a b\"}");
		String batch = String.join("\n", lines) + "\n";

		JsonNode answer = this.json.readTree(postBatch(batch).body());

		assertThat(answer.get("submitted").asInt()).isEqualTo(12);
		assertThat(answer.get("refused").asInt()).isEqualTo(2);
		assertThat(answer.get("items").get(3).get("status").asInt()).isEqualTo(422);
		assertThat(answer.get("items").get(7).get("status").asInt()).isEqualTo(400);
		List<String> ids = acceptedIds(answer);
		assertThat(ids).hasSize(12).doesNotHaveDuplicates();

		List<ArticleSubmitted> drafts = awaitAll(this.submitted, ids, ArticleSubmitted.class,
				ArticleSubmitted::getArticleId);
		assertThat(drafts).extracting(ArticleSubmitted::getVersion).containsOnly(1);
		assertThat(drafts).extracting(ArticleSubmitted::getHeadline)
			.allMatch((headline) -> headline.startsWith(this.run + " good"));
		assertThat(drafts).extracting(ArticleSubmitted::getIdempotencyKey).doesNotContainNull().doesNotHaveDuplicates();
		assertThat(awaitAll(this.versions, ids, ArticleVersion.class, ArticleVersion::getArticleId))
			.extracting(ArticleVersion::getVersion)
			.containsOnly(1);
		assertThat(awaitAll(this.statuses, ids, ArticleStatus.class, ArticleStatus::getArticleId))
			.extracting(ArticleStatus::getStage)
			.containsOnly(ArticleStage.RECEIVED);
		assertThat(everythingOfThisRun()).extracting(ArticleSubmitted::getArticleId)
			.containsExactlyInAnyOrderElementsOf(ids);

		// Sent again, every draft is answered with the article it became, and nothing is
		// written.
		JsonNode again = this.json.readTree(postBatch(batch).body());

		assertThat(again.get("submitted").asInt()).isZero();
		assertThat(again.get("replayed").asInt()).isEqualTo(12);
		assertThat(acceptedIds(again)).containsExactlyElementsOf(ids);
		assertThat(this.submitted.readToEnd()).isEmpty();
		assertThat(everythingOfThisRun()).hasSize(12);
	}

	@Test
	void aJsonArrayWithTheSameDraftTwiceUnderOneKeyMakesOneArticle() throws Exception {
		String key = "twice-" + this.run;
		String batch = "[" + draft("twice", key) + ", " + draft("twice", key) + ", " + draft("other", null) + "]";

		HttpResponse<String> response = post("application/json", batch);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode items = this.json.readTree(response.body()).get("items");
		assertThat(items.get(1).get("id").asString()).isEqualTo(items.get(0).get("id").asString());
		assertThat(items.get(1).get("replayed").asBoolean()).isTrue();
		List<String> ids = List.of(items.get(0).get("id").asString(), items.get(2).get("id").asString());
		awaitAll(this.submitted, ids, ArticleSubmitted.class, ArticleSubmitted::getArticleId);
		assertThat(this.submitted.readToEnd()).isEmpty();
	}

	/**
	 * Reads the topic until it has a record for each id, and fails on a second one for
	 * any id.
	 */
	private <T> List<T> awaitAll(TopicProbe<SpecificRecord> probe, List<String> ids, Class<T> type,
			Function<T, String> idOf) {
		List<T> found = new ArrayList<>();
		while (found.size() < ids.size()) {
			ConsumerRecord<String, SpecificRecord> record = probe
				.await((r) -> ids.contains(r.key()) && type.isInstance(r.value()), Duration.ofSeconds(10));
			found.add(type.cast(record.value()));
		}
		List<ConsumerRecord<String, SpecificRecord>> rest = probe.readToEnd();
		assertThat(rest).filteredOn((r) -> ids.contains(r.key()) && type.isInstance(r.value())).isEmpty();
		Map<String, Long> perId = found.stream().collect(Collectors.groupingBy(idOf, Collectors.counting()));
		assertThat(perId).hasSize(ids.size()).allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
		return found;
	}

	/**
	 * Every draft of this test on the topic, read from its start by a probe of its own.
	 */
	private List<ArticleSubmitted> everythingOfThisRun() {
		try (TopicProbe<SpecificRecord> all = TopicProbe.on("articles.submitted", new AvroEventDeserializer())) {
			return all.readToEnd()
				.stream()
				.map((r) -> (ArticleSubmitted) r.value())
				.filter((draft) -> draft.getHeadline().startsWith(this.run))
				.toList();
		}
	}

	private List<String> acceptedIds(JsonNode answer) {
		List<String> ids = new ArrayList<>();
		for (JsonNode item : answer.get("items")) {
			if (item.get("status").asInt() == 202) {
				ids.add(item.get("id").asString());
			}
		}
		return ids;
	}

	private String draft(String headline, String key) {
		return "{\"headline\": \"" + this.run + " " + headline + "\", \"body\": \"Wire copy for " + headline + ".\""
				+ ((key != null) ? ", \"idempotencyKey\": \"" + key + "\"" : "") + "}";
	}

	private HttpResponse<String> postBatch(String ndjson) throws Exception {
		HttpResponse<String> response = post("application/x-ndjson", ndjson);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response;
	}

	private HttpResponse<String> post(String contentType, String body) throws Exception {
		return this.http.send(TestApiKeys
			.asEditor(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/articles:batch")))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
