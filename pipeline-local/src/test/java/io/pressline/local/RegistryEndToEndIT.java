package io.pressline.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.pressline.event.ArticleSubmitted;
import io.pressline.event.serde.AvroEventSerializer;
import io.pressline.event.serde.EventSchemas;
import io.pressline.testing.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pipeline as {@code pipeline-local.jar run --registry} starts it: a real Apicurio
 * Registry in its own JVM (Java 21+), the three services writing Confluent-framed Avro
 * with their schemas registered there. A published draft is read back as a site on a
 * schema registry reads it: with Apicurio's own {@code AvroKafkaDeserializer} into
 * generic records, nothing of Pressline's. Needs the registry unpacked by the Maven
 * profile {@code registry}:
 *
 * <pre>
 * ./mvnw verify -Pregistry -pl pipeline-local -am -Dtest=NoUnitTestsHere \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=RegistryEndToEndIT
 * </pre>
 *
 * It has a broker of its own (in-process), so it never shares topics or groups with the
 * other end-to-end tests.
 */
class RegistryEndToEndIT {

	private static final List<String> PUBLISHED_SUBJECTS = List.of("articles.submitted-value",
			"articles.enriched-value", "articles.published-value", "articles.latest-value", "articles.status-value");

	@TempDir
	static Path registryData;

	private static LocalRegistry registry;

	private static LocalPipeline pipeline;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@BeforeAll
	static void start() {
		Path logs = Path.of("target/e2e-logs");
		registry = LocalRegistry.start(LocalRegistry.defaultHome(Path.of("target/services")), LocalRegistry.java(null),
				0, registryData, logs.resolve("registry.log"), Duration.ofSeconds(180));
		List<String> arguments = new ArrayList<>(registry.serviceArguments());
		LocalPipeline.Options options = new LocalPipeline.Options(0, null, null,
				Map.of(Service.INGEST, 0, Service.ENRICH, 0, Service.PUBLISH, 0), Path.of("target/services"),
				logs.resolve("registry"), arguments);
		pipeline = LocalPipeline.start(options, System.out::println);
	}

	@AfterAll
	static void stop() {
		if (pipeline != null) {
			pipeline.close();
		}
		if (registry != null) {
			registry.close();
		}
	}

	@Test
	void aPublishedDraftDecodesWithApicuriosDeserializerAndTheSubjectsAreFullyCompatible() throws Exception {
		PipelineClient client = new PipelineClient(pipeline);
		String id = client
			.submit("""
					{"headline": "Harbour bridge reopens after repairs",
					 "body": "The harbour bridge in Cork reopened on Monday after six weeks of repairs. The council said the work cost 2 million euro.",
					 "section": "local"}
					""");

		AvroKafkaDeserializer<GenericRecord> sites = new AvroKafkaDeserializer<>();
		sites.configure(Map.of("apicurio.registry.url", registry.nativeUrl()), false);
		try (TopicProbe<byte[]> raw = TopicProbe.on(pipeline.bootstrapServers(), "articles.published",
				new ByteArrayDeserializer())) {
			ConsumerRecord<String, byte[]> record = raw.await((r) -> id.equals(r.key()), Duration.ofSeconds(120));
			byte[] value = record.value();
			assertThat(value[0]).as("Confluent's magic byte").isZero();

			GenericRecord event = sites.deserialize("articles.published", record.headers(), value);

			assertThat(event.getSchema().getFullName()).isEqualTo("io.pressline.event.ArticlePublished");
			assertThat(event.get("articleId")).hasToString(id);
			assertThat(event.get("version")).isEqualTo(1);
			assertThat(event.get("eventType")).hasToString("PUBLISHED");
			assertThat(event.get("headline")).hasToString("Harbour bridge reopens after repairs");
			assertThat(event.get("section")).hasToString("local");
			GenericRecord enrichment = (GenericRecord) event.get("enrichment");
			assertThat(enrichment.get("language")).hasToString("en");
			assertThat((Integer) enrichment.get("wordCount")).isGreaterThan(15);
		}
		finally {
			sites.close();
		}

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(client.stage(id)).isEqualTo("PUBLISHED"));
		JsonNode subjects = get("/subjects");
		List<String> names = new ArrayList<>();
		subjects.forEach((subject) -> names.add(subject.asString()));
		assertThat(names).containsAll(PUBLISHED_SUBJECTS);
		for (String subject : names) {
			assertThat(get("/config/" + subject).get("compatibilityLevel").asString()).as(subject)
				.isEqualTo("FULL_TRANSITIVE");
		}
	}

	/**
	 * Moving over: a draft written in single-object encoding, as a service of the
	 * previous release wrote them, is still read by the services, and published in the
	 * registry's framing.
	 */
	@Test
	void aDraftInSingleObjectEncodingIsStillReadAndPublishedFramedForTheRegistry() throws Exception {
		// Lets Avro fill the builder's default values into the generated classes.
		EventSchemas.trust();
		String id = "single-object-" + UUID.randomUUID();
		ArticleSubmitted draft = ArticleSubmitted.newBuilder()
			.setArticleId(id)
			.setVersion(1)
			.setHeadline("Ferry timetable changes for the winter")
			.setBody(
					"The island ferry runs four times a day from November. The operator said fewer people travel in winter.")
			.setByline("By Ada Quill")
			.setSection("local")
			.setSubmittedAt(Instant.now())
			.setIdempotencyKey(id)
			.build();
		try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers()), new StringSerializer(),
				new AvroEventSerializer())) {
			byte[] written = new AvroEventSerializer().serialize("articles.submitted", draft);
			assertThat(written[0]).as("single-object marker").isEqualTo((byte) 0xC3);
			producer.send(new ProducerRecord<>("articles.submitted", id, draft)).get();
		}

		AvroKafkaDeserializer<GenericRecord> sites = new AvroKafkaDeserializer<>();
		sites.configure(Map.of("apicurio.registry.url", registry.nativeUrl()), false);
		try (TopicProbe<byte[]> raw = TopicProbe.on(pipeline.bootstrapServers(), "articles.published",
				new ByteArrayDeserializer())) {
			ConsumerRecord<String, byte[]> record = raw.await((r) -> id.equals(r.key()), Duration.ofSeconds(120));
			assertThat(record.value()[0]).as("Confluent's magic byte").isZero();
			GenericRecord event = sites.deserialize("articles.published", record.headers(), record.value());
			assertThat(event.get("headline")).hasToString("Ferry timetable changes for the winter");
			assertThat(event.get("byline")).hasToString("By Ada Quill");
		}
		finally {
			sites.close();
		}
	}

	private JsonNode get(String path) throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(registry.confluentUrl() + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

}
