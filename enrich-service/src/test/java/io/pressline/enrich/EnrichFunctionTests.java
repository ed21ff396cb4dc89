package io.pressline.enrich;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.pressline.event.ArticleEnriched;
import io.pressline.event.ArticleStage;
import io.pressline.event.ArticleStatus;
import io.pressline.event.ArticleSubmitted;
import io.pressline.event.SubmissionAction;
import io.pressline.event.serde.AvroEventDeserializer;
import io.pressline.event.serde.AvroEventSerializer;
import io.pressline.testing.KafkaTest;
import io.pressline.testing.TestApiKeys;
import io.pressline.testing.TestKafka;
import io.pressline.testing.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The enrich function bound to a real broker: a submitted draft comes out enriched, under
 * the same key, and once it is caught up the stage's group shows no lag.
 */
@KafkaTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EnrichFunctionTests {

	@LocalServerPort
	private int port;

	@Test
	void theServiceDescribesItsApiInOpenApiWithAnInteractivePage() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> docs = http.send(TestApiKeys
			.asEditor(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/v3/api-docs")))
			.build(), HttpResponse.BodyHandlers.ofString());
		JsonNode api = JsonMapper.builder().build().readTree(docs.body());

		assertThat(api.get("openapi").asString()).startsWith("3.");
		assertThat(api.get("paths").get("/api/v1/enrichments").has("post")).isTrue();
		assertThat(http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/swagger-ui/index.html"))
				.build(), HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(200);
	}

	@Test
	void aSubmittedDraftIsEnrichedAndItsStageReported() throws Exception {
		String id = UUID.randomUUID().toString();
		ArticleSubmitted draft = ArticleSubmitted.newBuilder()
			.setArticleId(id)
			.setVersion(2)
			.setHeadline("Tram depot expansion approved")
			.setBody("LYON, France — The transport authority approved a larger tram depot on Thursday. "
					+ "Work starts in spring.\n\nResidents asked for quieter night shifts.")
			.setSubmittedAt(Instant.now())
			.build();

		try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()), new StringSerializer(),
				new AvroEventSerializer())) {
			producer.send(new ProducerRecord<>("articles.submitted", id, draft)).get();
		}

		try (TopicProbe<SpecificRecord> enriched = TopicProbe.on("articles.enriched", new AvroEventDeserializer());
				TopicProbe<SpecificRecord> status = TopicProbe.on("articles.status", new AvroEventDeserializer())) {
			ArticleEnriched event = (ArticleEnriched) enriched.await((r) -> id.equals(r.key()), Duration.ofSeconds(30))
				.value();
			assertThat(event.getSubmission()).isEqualTo(draft);
			assertThat(event.getEnrichment().getLanguage()).isEqualTo("en");
			assertThat(event.getEnrichment().getWordCount()).isEqualTo(4 + 22);
			assertThat(event.getEnrichment().getSentenceCount()).isEqualTo(3);
			assertThat(event.getEnrichment().getReadingTimeSeconds()).isEqualTo(6);

			ArticleStatus stage = (ArticleStatus) status.await((r) -> id.equals(r.key()), Duration.ofSeconds(10))
				.value();
			assertThat(stage.getStage()).isEqualTo(ArticleStage.ENRICHED);
			assertThat(stage.getVersion()).isEqualTo(2);
		}
	}

	@Test
	void aRetractionPassesStraightThroughWithNothingFound() throws Exception {
		String id = UUID.randomUUID().toString();
		ArticleSubmitted retraction = ArticleSubmitted.newBuilder()
			.setArticleId(id)
			.setVersion(3)
			.setAction(SubmissionAction.RETRACT)
			.setHeadline("")
			.setBody("")
			.setNote("Legal advice")
			.setSubmittedAt(Instant.now())
			.build();

		try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()), new StringSerializer(),
				new AvroEventSerializer())) {
			producer.send(new ProducerRecord<>("articles.submitted", id, retraction)).get();
		}

		try (TopicProbe<SpecificRecord> enriched = TopicProbe.on("articles.enriched", new AvroEventDeserializer())) {
			ArticleEnriched event = (ArticleEnriched) enriched.await((r) -> id.equals(r.key()), Duration.ofSeconds(30))
				.value();
			assertThat(event.getSubmission()).isEqualTo(retraction);
			assertThat(event.getEnrichment().getEntities()).isEmpty();
			assertThat(event.getEnrichment().getWordCount()).isZero();
		}
	}

	@Test
	void aCaughtUpStageShowsNoLagAlthoughItsInputWasWrittenInTransactions() throws Exception {
		String id = UUID.randomUUID().toString();
		ArticleSubmitted draft = ArticleSubmitted.newBuilder()
			.setArticleId(id)
			.setVersion(1)
			.setHeadline("Ferry timetable changes")
			.setBody("The island ferry runs an hour later from Monday.")
			.setSubmittedAt(Instant.now())
			.build();
		RecordMetadata written;
		try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
						ProducerConfig.TRANSACTIONAL_ID_CONFIG, "caught-up-" + id),
				new StringSerializer(), new AvroEventSerializer())) {
			// As ingest writes drafts: in a transaction, so a commit marker follows it.
			producer.initTransactions();
			producer.beginTransaction();
			written = producer.send(new ProducerRecord<>("articles.submitted", id, draft)).get();
			producer.commitTransaction();
		}
		try (TopicProbe<SpecificRecord> enriched = TopicProbe.on("articles.enriched", new AvroEventDeserializer())) {
			enriched.await((r) -> id.equals(r.key()), Duration.ofSeconds(30));
		}

		TopicPartition partition = new TopicPartition("articles.submitted", written.partition());
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
			long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest()))
				.partitionResult(partition)
				.get(10, TimeUnit.SECONDS)
				.offset();
			assertThat(end).as("the marker after the draft").isGreaterThan(written.offset() + 1);
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				OffsetAndMetadata committed = admin.listConsumerGroupOffsets("enrich-service")
					.partitionsToOffsetAndMetadata()
					.get(10, TimeUnit.SECONDS)
					.get(partition);
				assertThat(committed).isNotNull();
				assertThat(committed.offset()).as("enrich-service's committed offset").isGreaterThanOrEqualTo(end);
			});
		}
	}

}
