package io.pressline.ingest.reenrichment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.pressline.event.ArticlePublished;
import io.pressline.event.ArticleSubmitted;
import io.pressline.event.SubmissionReason;
import io.pressline.event.serde.AvroEventDeserializer;
import io.pressline.event.serde.AvroEventSerializer;
import io.pressline.platform.enrichment.EnrichmentDigest;
import io.pressline.testing.KafkaTest;
import io.pressline.testing.TestApiKeys;
import io.pressline.testing.TestKafka;
import io.pressline.testing.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operators' endpoint on a real ingest-service and broker: a run replays each
 * published article as the next version of it, given by the version sequencer like an
 * editor's, with what publish-service needs to compare; an article ingest does not know
 * is passed over.
 */
@KafkaTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "pressline.topics.latest=articles.latest.reenrichment-api",
				"pressline.ingest.reenrichment.group=reenrichment-api-tests", "pressline.ingest.reenrichment.rate=1000",
				"pressline.ingest.reenrichment.burst=100" })
class ReenrichmentApiTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Test
	void aRunReplaysEveryPublishedArticleAsItsNextVersionAndEditorsGoOnAfterIt() throws Exception {
		String first = submit("{\"headline\": \"Night buses return\", \"body\": \"The buses run on Friday.\"}");
		String second = submit("{\"headline\": \"Ferry fares rise\", \"body\": \"Fares rise in May.\"}");
		String unknown = UUID.randomUUID().toString();
		Map<String, ArticlePublished> published = Map.of(first, ArchiveReplayTests.published(first), second,
				ArchiveReplayTests.published(second), unknown, ArchiveReplayTests.published(unknown));
		try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()), new StringSerializer(),
				new AvroEventSerializer())) {
			for (ArticlePublished event : published.values()) {
				producer.send(new ProducerRecord<>("articles.latest.reenrichment-api", event.getArticleId(), event))
					.get();
			}
		}

		HttpResponse<String> start = send(
				TestApiKeys.asOperator(request("/api/v1/ops/reenrichment")).POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(start.statusCode()).as(start.body()).isEqualTo(202);
		assertThat(this.json.readTree(start.body()).get("total").asLong()).isEqualTo(3);

		await().atMost(WAIT).until(() -> progress().get("state").asString().equals("FINISHED"));
		JsonNode progress = progress();
		assertThat(progress.get("done").asLong()).isEqualTo(3);
		assertThat(progress.get("submitted").asLong()).isEqualTo(2);
		assertThat(progress.get("skipped").asLong()).isEqualTo(1);

		try (TopicProbe<SpecificRecord> submitted = TopicProbe.on("articles.submitted", new AvroEventDeserializer())) {
			List<ArticleSubmitted> replays = submitted.readToEnd()
				.stream()
				.map(ConsumerRecord::value)
				.map(ArticleSubmitted.class::cast)
				.filter((s) -> s.getReason() == SubmissionReason.REENRICHMENT)
				.filter((s) -> published.containsKey(s.getArticleId()))
				.toList();
			assertThat(replays).extracting(ArticleSubmitted::getArticleId).containsExactlyInAnyOrder(first, second);
			for (ArticleSubmitted replay : replays) {
				ArticlePublished of = published.get(replay.getArticleId());
				assertThat(replay.getVersion()).isEqualTo(2);
				assertThat(replay.getReplayOf()).isEqualTo(1);
				assertThat(replay.getReplayedEnrichmentDigest()).isEqualTo(EnrichmentDigest.of(of.getEnrichment()));
				assertThat(replay.getBody()).isEqualTo(of.getBody());
				assertThat(replay.getSubmittedAt()).isEqualTo(of.getSubmittedAt());
			}
		}

		HttpResponse<String> next = send(TestApiKeys.asEditor(request("/api/v1/articles/" + first))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers
				.ofString("{\"headline\": \"Night buses return\", \"body\": \"The buses run from Friday.\"}")));
		assertThat(next.statusCode()).as(next.body()).isEqualTo(202);
		assertThat(this.json.readTree(next.body()).get("version").asInt()).isEqualTo(3);
	}

	@Test
	void theEndpointIsForOperators() throws Exception {
		HttpResponse<String> editor = send(TestApiKeys.asEditor(request("/api/v1/ops/reenrichment")).GET());

		assertThat(editor.statusCode()).isEqualTo(403);
	}

	private JsonNode progress() throws Exception {
		HttpResponse<String> response = send(TestApiKeys.asOperator(request("/api/v1/ops/reenrichment")).GET());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private String submit(String draft) throws Exception {
		HttpResponse<String> response = send(TestApiKeys.asEditor(request("/api/v1/articles"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(draft)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return this.json.readTree(response.body()).get("id").asString();
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
