package io.pressline.ingest.version;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.pressline.event.ArticleStage;
import io.pressline.event.ArticleStatus;
import io.pressline.event.ArticleSubmitted;
import io.pressline.event.ArticleVersion;
import io.pressline.event.serde.AvroEventDeserializer;
import io.pressline.event.serde.AvroEventSerializer;
import io.pressline.ingest.IngestApplication;
import io.pressline.ingest.status.ArticleStatuses;
import io.pressline.testing.KafkaTest;
import io.pressline.testing.TestApiKeys;
import io.pressline.testing.TestKafka;
import io.pressline.testing.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two ingest instances (two application contexts in this JVM, each with its own name,
 * store and producers) on the tests' broker, changing the same articles at once: a new
 * version number is never given twice, wherever the requests land.
 */
@KafkaTest
class VersionSequencingTests {

	private static final int PUTS_PER_INSTANCE = 12;

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	/** The second instance tries once only, so that it answers some conflicts too. */
	@BeforeAll
	static void startTwoInstances() {
		first = start("ingest-a");
		second = start("ingest-b", "--pressline.ingest.versions.attempts=1");
	}

	@AfterAll
	static void stopThem() {
		if (first != null) {
			first.close();
		}
		if (second != null) {
			second.close();
		}
	}

	private static ConfigurableApplicationContext start(String name, String... more) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--pressline.instance-id=" + name,
				"--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers()));
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(IngestApplication.class).run(args.toArray(String[]::new));
	}

	@Test
	void concurrentNewVersionsOnTwoInstancesGetDistinctContiguousNumbersOrAConflict() throws Exception {
		String id = submit(first, "{\"headline\": \"Ferry fares rise\", \"body\": \"Fares rise in May.\"}");

		List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
		for (int i = 0; i < PUTS_PER_INSTANCE; i++) {
			for (ConfigurableApplicationContext instance : List.of(first, second)) {
				String draft = "{\"headline\": \"Ferry fares rise, update " + i + "\", \"body\": \"Fares rise.\"}";
				answers.add(this.http
					.sendAsync(request(instance, "/api/v1/articles/" + id).header("Content-Type", "application/json")
						.PUT(HttpRequest.BodyPublishers.ofString(draft))
						.build(), HttpResponse.BodyHandlers.ofString()));
			}
		}
		List<Integer> given = new ArrayList<>();
		int conflicts = 0;
		for (CompletableFuture<HttpResponse<String>> answer : answers) {
			HttpResponse<String> response = answer.get();
			if (response.statusCode() == 202) {
				given.add(this.json.readTree(response.body()).get("version").asInt());
			}
			else {
				assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
				assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
				assertThat(this.json.readTree(response.body()).get("type").asString())
					.isEqualTo("urn:pressline:problem:version-conflict");
				conflicts++;
			}
		}

		System.out.printf("%d new versions given, %d conflicts%n", given.size(), conflicts);
		assertThat(given).as("versions answered (%d conflicts)", conflicts).doesNotHaveDuplicates().isNotEmpty();
		List<Integer> expected = IntStream.rangeClosed(2, given.size() + 1).boxed().toList();
		assertThat(given).containsExactlyInAnyOrderElementsOf(expected);
		try (TopicProbe<SpecificRecord> submitted = TopicProbe.on("articles.submitted", new AvroEventDeserializer())) {
			List<Integer> written = submitted.readToEnd()
				.stream()
				.filter((record) -> id.equals(record.key()))
				.map((record) -> ((ArticleSubmitted) record.value()).getVersion())
				.toList();
			assertThat(written).as("versions committed to articles.submitted")
				.containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, given.size() + 1).boxed().toList());
		}
		try (TopicProbe<SpecificRecord> versions = TopicProbe.on("articles.versions", new AvroEventDeserializer())) {
			List<ConsumerRecord<String, SpecificRecord>> records = versions.readToEnd()
				.stream()
				.filter((record) -> id.equals(record.key()))
				.toList();
			assertThat(records).last()
				.satisfies((record) -> assertThat(((ArticleVersion) record.value()).getVersion())
					.isEqualTo(given.size() + 1));
		}
	}

	@Test
	void theVersionRecordGoesToThePartitionKafkaPartitionsTheArticleIdTo() throws Exception {
		String id = submit(second, "{\"headline\": \"Bridge closes\", \"body\": \"The bridge closes.\"}");

		try (TopicProbe<SpecificRecord> submitted = TopicProbe.on("articles.submitted", new AvroEventDeserializer());
				TopicProbe<SpecificRecord> versions = TopicProbe.on("articles.versions", new AvroEventDeserializer())) {
			int byProducer = submitted.await((record) -> id.equals(record.key()), Duration.ofSeconds(10)).partition();
			ConsumerRecord<String, SpecificRecord> version = versions.await((record) -> id.equals(record.key()),
					Duration.ofSeconds(10));
			assertThat(version.partition()).as("articles.submitted and articles.versions have as many partitions")
				.isEqualTo(byProducer)
				.isEqualTo(VersionTopic.partitionOf(id, 3));
			assertThat(((ArticleVersion) version.value()).getAssignedBy()).isEqualTo("ingest-b");
		}
	}

	@Test
	void aRetractionOnOneInstanceRefusesANewVersionOnTheOtherAtOnce() throws Exception {
		String id = submit(first, "{\"headline\": \"Tram line opens\", \"body\": \"The tram line opens.\"}");

		HttpResponse<String> retraction = this.http.send(
				request(first, "/api/v1/articles/" + id + "?reason=Wrong%20line").DELETE().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(retraction.statusCode()).as(retraction.body()).isEqualTo(202);

		HttpResponse<String> update = this.http
			.send(request(second, "/api/v1/articles/" + id).header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString("{\"headline\": \"Tram line opens\", \"body\": \"B.\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(update.statusCode()).as(update.body()).isEqualTo(409);
		assertThat(this.json.readTree(update.body()).get("type").asString())
			.isEqualTo("urn:pressline:problem:article-retracted");
	}

	@Test
	void anArticleFromBeforeTheVersionTopicTakesItsNextNumberFromTheStatusView() throws Exception {
		String id = UUID.randomUUID().toString();
		ArticleStatus published = ArticleStatus.newBuilder()
			.setArticleId(id)
			.setVersion(3)
			.setStage(ArticleStage.PUBLISHED)
			.setService("publish")
			.setSubmittedAt(Instant.now().minusSeconds(3600))
			.setOccurredAt(Instant.now().minusSeconds(3590))
			.build();
		try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()), new StringSerializer(),
				new AvroEventSerializer())) {
			producer.send(new ProducerRecord<>("articles.status", id, published)).get();
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> second.getBean(ArticleStatuses.class).find(id).isPresent());

		HttpResponse<String> update = this.http
			.send(request(second, "/api/v1/articles/" + id).header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString("{\"headline\": \"Harbour reopens\", \"body\": \"B.\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(update.statusCode()).as(update.body()).isEqualTo(202);
		assertThat(this.json.readTree(update.body()).get("version").asInt()).isEqualTo(4);
	}

	private String submit(ConfigurableApplicationContext instance, String draft) throws Exception {
		HttpResponse<String> response = this.http
			.send(request(instance, "/api/v1/articles").header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(draft))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return this.json.readTree(response.body()).get("id").asString();
	}

	private static HttpRequest.Builder request(ConfigurableApplicationContext instance, String path) {
		int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
		return TestApiKeys.asEditor(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)))
			.timeout(Duration.ofSeconds(60));
	}

}
