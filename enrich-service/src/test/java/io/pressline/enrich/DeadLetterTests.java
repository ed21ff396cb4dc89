package io.pressline.enrich;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.pressline.event.ArticleEnriched;
import io.pressline.event.ArticleSubmitted;
import io.pressline.event.serde.AvroEventDeserializer;
import io.pressline.event.serde.AvroEventSerializer;
import io.pressline.testing.KafkaTest;
import io.pressline.testing.TestKafka;
import io.pressline.testing.TopicProbe;
import io.pressline.testing.TestApiKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Poison on a real broker: a record enrich-service cannot decode goes to
 * {@code articles.submitted.dlq} with headers saying where and why, the drafts behind it
 * still flow, and an operator can list dead letters and replay one.
 */
@KafkaTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeadLetterTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Test
	void aRecordThatCannotBeDecodedIsDeadLetteredAndTheDraftsBehindItFlow() throws Exception {
		String poisonKey = "poison-" + UUID.randomUUID();
		byte[] poison = "{\"headline\": \"JSON is not what this topic carries\"}".getBytes(StandardCharsets.UTF_8);
		String next = UUID.randomUUID().toString();

		try (KafkaProducer<String, byte[]> raw = rawProducer();
				KafkaProducer<String, SpecificRecord> events = eventProducer()) {
			raw.send(new ProducerRecord<>("articles.submitted", poisonKey, poison)).get();
			events.send(new ProducerRecord<>("articles.submitted", next, draft(next))).get();
		}

		try (TopicProbe<byte[]> dlq = TopicProbe.on("articles.submitted.dlq", new ByteArrayDeserializer());
				TopicProbe<SpecificRecord> enriched = TopicProbe.on("articles.enriched", new AvroEventDeserializer())) {
			ConsumerRecord<String, byte[]> letter = dlq.await((r) -> poisonKey.equals(r.key()), WAIT);
			assertThat(letter.value()).isEqualTo(poison);
			assertThat(header(letter, "pressline-stage")).isEqualTo("enrich-service");
			assertThat(header(letter, "pressline-error")).contains("not a Pressline event");
			assertThat(header(letter, "pressline-attempts")).isEqualTo("1");
			assertThat(header(letter, "kafka_dlt-original-topic")).isEqualTo("articles.submitted");

			assertThat(enriched.await((r) -> next.equals(r.key()), WAIT).value()).isInstanceOf(ArticleEnriched.class);
		}

		HttpResponse<String> topics = get("/api/v1/dead-letters");
		assertThat(topics.statusCode()).as(topics.body()).isEqualTo(200);
		assertThat(this.json.readTree(topics.body()).has("articles.submitted.dlq")).isTrue();
		HttpResponse<String> listed = get("/api/v1/dead-letters/articles.submitted.dlq?limit=100");
		assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
		JsonNode mine = null;
		for (JsonNode entry : this.json.readTree(listed.body())) {
			if (poisonKey.equals(entry.get("key").asString())) {
				mine = entry;
			}
		}
		assertThat(mine).as("the poison record in %s", listed.body()).isNotNull();
		assertThat(mine.get("stage").asString()).isEqualTo("enrich-service");
		assertThat(mine.get("attempts").asInt()).isEqualTo(1);
		assertThat(mine.get("originalTopic").asString()).isEqualTo("articles.submitted");
		assertThat(mine.get("bytes").asInt()).isEqualTo(poison.length);
	}

	@Test
	void aReplayedDeadLetterIsProcessedAgain() throws Exception {
		// A draft dead-lettered while something it needed was down, now fixed.
		String id = UUID.randomUUID().toString();
		RecordMetadata where;
		try (KafkaProducer<String, SpecificRecord> events = eventProducer()) {
			ProducerRecord<String, SpecificRecord> letter = new ProducerRecord<>("articles.submitted.dlq", id,
					draft(id));
			letter.headers().add("kafka_dlt-original-topic", "articles.submitted".getBytes(StandardCharsets.UTF_8));
			where = events.send(letter).get();
		}

		HttpResponse<String> replay = post(
				"/api/v1/dead-letters/articles.submitted.dlq/" + where.partition() + "/" + where.offset() + "/replay");

		assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
		assertThat(this.json.readTree(replay.body()).get("topic").asString()).isEqualTo("articles.submitted");
		try (TopicProbe<SpecificRecord> enriched = TopicProbe.on("articles.enriched", new AvroEventDeserializer())) {
			ArticleEnriched event = (ArticleEnriched) enriched.await((r) -> id.equals(r.key()), WAIT).value();
			assertThat(event.getSubmission().getArticleId()).isEqualTo(id);
		}
		HttpResponse<String> missing = post("/api/v1/dead-letters/articles.submitted.dlq/" + where.partition() + "/"
				+ (where.offset() + 1_000_000) + "/replay");
		assertThat(missing.statusCode()).as(missing.body()).isEqualTo(404);
		assertThat(post("/api/v1/dead-letters/articles.submitted/0/0/replay").statusCode()).isEqualTo(404);
	}

	private static ArticleSubmitted draft(String id) {
		return ArticleSubmitted.newBuilder()
			.setArticleId(id)
			.setVersion(1)
			.setHeadline("Ferry timetable changes")
			.setBody("The winter ferry timetable starts on Monday with two fewer crossings.")
			.setSubmittedAt(Instant.now())
			.build();
	}

	private static KafkaProducer<String, byte[]> rawProducer() {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer());
	}

	private static KafkaProducer<String, SpecificRecord> eventProducer() {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
				new StringSerializer(), new AvroEventSerializer());
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		return (record.headers().lastHeader(name) != null)
				? new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8) : null;
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http
			.send(TestApiKeys.asOperator(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path) throws Exception {
		return this.http
			.send(TestApiKeys.asOperator(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
