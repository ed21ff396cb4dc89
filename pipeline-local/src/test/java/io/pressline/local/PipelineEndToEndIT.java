package io.pressline.local;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.pressline.testing.KafkaTest;
import io.pressline.testing.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One article through the whole pipeline, as a newcomer and a downstream site see it: a
 * real broker, the three services as separate JVMs from their runnable jars, an HTTP
 * post, and the published record read by a plain consumer that knows nothing but the
 * {@code .avsc} file.
 */
@KafkaTest
class PipelineEndToEndIT {

	private static final Path SAMPLE = Path.of("../samples/politics-coalition-budget-vote.txt");

	private final JsonMapper json = JsonMapper.builder().build();

	private PipelineClient client;

	@BeforeEach
	void pipeline() {
		this.client = new PipelineClient(RunningPipeline.get());
	}

	@Test
	void aSubmittedSampleArrivesPublishedAndDecodesWithTheAvscFileAlone() throws Exception {
		String sample = Files.readString(SAMPLE);
		String headline = sample.lines().filter((line) -> !line.isBlank()).findFirst().orElseThrow();

		HttpResponse<String> response = this.client.send(this.client.editor("/api/v1/articles")
			.header("Content-Type", "text/plain; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(sample)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		JsonNode receipt = this.client.read(response.body());
		String id = receipt.get("id").asString();

		try (TopicProbe<byte[]> published = TopicProbe.on("articles.published", new ByteArrayDeserializer())) {
			ConsumerRecord<String, byte[]> record = published.await((r) -> id.equals(r.key()), Duration.ofSeconds(60));
			GenericRecord event = PipelineClient.decodePublished(record.value());

			assertThat(event.get("articleId")).hasToString(id);
			assertThat(event.get("version")).isEqualTo(1);
			assertThat(event.get("eventType")).hasToString("PUBLISHED");
			assertThat(event.get("headline")).hasToString(headline);
			assertThat(event.get("body").toString()).isNotBlank().isSubstringOf(sample.replace("\r\n", "\n"));
			GenericRecord enrichment = (GenericRecord) event.get("enrichment");
			assertThat(enrichment.get("language")).hasToString("en");
			assertThat((Integer) enrichment.get("wordCount")).isGreaterThan(250);
			assertThat((Integer) enrichment.get("sentenceCount")).isGreaterThan(10);
			assertThat((Integer) enrichment.get("readingTimeSeconds")).isGreaterThan(60);
		}

		assertThat(receipt.get("statusUrl").asString()).endsWith("/api/v1/articles/" + id);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.client.stage(id)).isEqualTo("PUBLISHED"));
	}

	/**
	 * An article just under the body limit (512 KiB, some 80,000 words) travels whole:
	 * its published event, with the body as text and as HTML and all the enrichment found
	 * in it, is larger than Kafka's default limit of 1 MiB.
	 */
	@Test
	void anArticleAtTheBodyLimitIsPublishedWhole() throws Exception {
		String sample = Files.readString(SAMPLE).replace("\r\n", "\n");
		String headline = sample.lines().filter((line) -> !line.isBlank()).findFirst().orElseThrow();
		String paragraphs = sample.substring(sample.indexOf(headline) + headline.length()).strip();
		// Up to the limit of 512 KiB of UTF-8, less what escaping it in JSON may add.
		int paragraphsBytes = paragraphs.getBytes(StandardCharsets.UTF_8).length + 2;
		StringBuilder body = new StringBuilder(paragraphs);
		for (int bytes = paragraphsBytes; bytes + paragraphsBytes < 496 * 1024; bytes += paragraphsBytes) {
			body.append("\n\n").append(paragraphs);
		}
		String json = this.json.writeValueAsString(Map.of("headline", headline, "body", body.toString()));
		String id = this.client.submit(json);

		try (TopicProbe<byte[]> published = TopicProbe.on("articles.published", new ByteArrayDeserializer())) {
			ConsumerRecord<String, byte[]> record = published.await((r) -> id.equals(r.key()), Duration.ofSeconds(120));
			GenericRecord event = PipelineClient.decodePublished(record.value());
			assertThat(event.get("body")).hasToString(body.toString());
			assertThat(event.get("bodyHtml").toString()).startsWith("<p>").hasSizeGreaterThan(body.length());
			assertThat((Integer) ((GenericRecord) event.get("enrichment")).get("wordCount")).isGreaterThan(70_000);
			assertThat(record.serializedValueSize()).isGreaterThan(1024 * 1024);
		}
	}

	@Test
	void anEditorsCorrectionAndRetractionReachDownstreamSitesInOrder() throws Exception {
		String id = this.client.submit("""
				{"headline": "Ferry fares rise by 40%", "body": "Fares on the island ferry rise in March.",
				 "section": "local"}
				""");
		HttpResponse<String> correction = this.client.asEditor("PUT", "/api/v1/articles/" + id, """
				{"headline": "Ferry fares rise by 4%", "body": "Fares on the island ferry rise in March.",
				 "section": "local", "note": "The rise is 4%, not 40%."}
				""");
		assertThat(correction.statusCode()).as(correction.body()).isEqualTo(202);
		assertThat(this.client.read(correction.body()).get("version").asInt()).isEqualTo(2);
		HttpResponse<String> retraction = this.client.asEditor("DELETE",
				"/api/v1/articles/" + id + "?reason=Fares%20unchanged", null);
		assertThat(retraction.statusCode()).as(retraction.body()).isEqualTo(202);

		List<GenericRecord> events = new ArrayList<>();
		try (TopicProbe<byte[]> local = TopicProbe.on("articles.published.local", new ByteArrayDeserializer())) {
			while (events.size() < 3) {
				events.add(PipelineClient
					.decodePublished(local.await((r) -> id.equals(r.key()), Duration.ofSeconds(60)).value()));
			}
		}
		assertThat(events).extracting((e) -> e.get("eventType").toString())
			.containsExactly("PUBLISHED", "CORRECTED", "RETRACTED");
		assertThat(events.get(1).get("headline")).hasToString("Ferry fares rise by 4%");
		assertThat(events.get(1).get("note")).hasToString("The rise is 4%, not 40%.");
		assertThat(events.get(1).get("canonicalUrl")).hasToString(events.get(0).get("canonicalUrl").toString());
		assertThat(events.get(2).get("note")).hasToString("Fares unchanged");

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.client.stage(id)).isEqualTo("RETRACTED"));
		HttpResponse<String> gone = this.client
			.send(this.client.anonymous("publish-service", "/api/v1/published/" + id));
		assertThat(gone.statusCode()).isEqualTo(410);
	}

	/**
	 * The trace an editor's request starts (its W3C {@code traceparent}) reaches the
	 * published record, and each service's log lines about the article carry both the
	 * article id and that trace id.
	 */
	@Test
	void theEditorsTraceContextFlowsThroughEveryKafkaHopAndIntoTheLogs() throws Exception {
		String traceId = java.util.HexFormat.of().formatHex(java.security.SecureRandom.getSeed(16));
		HttpResponse<String> response = this.client.send(this.client.editor("/api/v1/articles")
			.header("Content-Type", "application/json")
			.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"headline": "Harbour crane returns", "body": "The harbour crane is back in service.",
					 "section": "local"}
					""")));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		String id = this.client.read(response.body()).get("id").asString();

		try (TopicProbe<byte[]> published = TopicProbe.on("articles.published", new ByteArrayDeserializer())) {
			ConsumerRecord<String, byte[]> record = published.await((r) -> id.equals(r.key()), Duration.ofSeconds(60));
			assertThat(record.headers().lastHeader("traceparent")).as("traceparent header").isNotNull();
			assertThat(new String(record.headers().lastHeader("traceparent").value(),
					java.nio.charset.StandardCharsets.UTF_8))
				.startsWith("00-" + traceId + "-");
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			for (Service service : Service.values()) {
				List<String> lines = new ArrayList<>();
				for (ServiceInstance instance : RunningPipeline.get().instances(service)) {
					lines.addAll(Files.readAllLines(instance.logFile()));
				}
				assertThat(lines).as("the log lines of %s's instances about article %s", service.artifact(), id)
					.anyMatch((line) -> line.contains(traceId) && line.contains("[" + id + "]"));
			}
		});
	}

}
