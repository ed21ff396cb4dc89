package io.pressline.publish;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import io.pressline.event.ArticlePublished;
import io.pressline.event.PublicationEventType;
import io.pressline.event.SubmissionAction;
import io.pressline.event.serde.AvroEventDeserializer;
import io.pressline.event.serde.EventSchemas;
import io.pressline.testing.KafkaTest;
import io.pressline.testing.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a downstream site relies on: the published records are CloudEvents in binary mode,
 * read back by a plain consumer, header by header, and by the CloudEvents SDK's Kafka
 * deserializer; the topics' AsyncAPI document and its page are served to anyone.
 */
@KafkaTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DownstreamContractTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@LocalServerPort
	private int port;

	private static final String SCHEMA_URI_PREFIX = "urn:pressline:avro:io.pressline.event.ArticlePublished:";

	@Test
	void everyEventAndLatestStateCarriesItsCloudEventsAttributesAsHeaders() throws Exception {
		String id = UUID.randomUUID().toString();
		PublishFixtures.sendEnriched(PublishFixtures.draft(id, 1));

		try (TopicProbe<SpecificRecord> published = probe("articles.published");
				TopicProbe<SpecificRecord> section = probe("articles.published.local");
				TopicProbe<SpecificRecord> latest = probe("articles.latest")) {
			ConsumerRecord<String, SpecificRecord> event = published.await((r) -> id.equals(r.key()), WAIT);
			ArticlePublished value = (ArticlePublished) event.value();
			Map<String, String> expected = Map.of("ce_specversion", "1.0", "ce_id", id + ":1:published", "ce_source",
					"/pressline/publish-service", "ce_type", "org.pressline.article.published", "ce_time",
					value.getPublishedAt().toString(), "ce_subject", id, "content-type", "application/avro");
			assertThat(text(event.headers())).containsAllEntriesOf(expected);
			assertThat(header(event.headers(), "ce_dataschema")).startsWith(SCHEMA_URI_PREFIX)
				.hasSize(SCHEMA_URI_PREFIX.length() + 16);

			// The section's copy is the same event, so it has the same id.
			ConsumerRecord<String, SpecificRecord> copy = section.await((r) -> id.equals(r.key()), WAIT);
			assertThat(text(copy.headers())).isEqualTo(text(event.headers()));

			ConsumerRecord<String, SpecificRecord> state = latest.await((r) -> id.equals(r.key()), WAIT);
			assertThat(text(state.headers())).containsEntry("ce_id", id + ":1:latest")
				.containsEntry("ce_type", "org.pressline.article.published")
				.containsEntry("content-type", "application/avro")
				.containsEntry("ce_dataschema", header(event.headers(), "ce_dataschema"));
		}

		PublishFixtures.sendEnriched(PublishFixtures.draft(id, 2)
			.setAction(SubmissionAction.RETRACT)
			.setHeadline("")
			.setBody("")
			.setNote("Withdrawn."));
		try (TopicProbe<SpecificRecord> published = probe("articles.published");
				TopicProbe<SpecificRecord> latest = probe("articles.latest")) {
			ConsumerRecord<String, SpecificRecord> retraction = published
				.await((r) -> id.equals(r.key()) && ((ArticlePublished) r.value()).getVersion() == 2, WAIT);
			assertThat(text(retraction.headers())).containsEntry("ce_id", id + ":2:published")
				.containsEntry("ce_type", "org.pressline.article.retracted");

			// A CloudEvent without data: no content type, no schema.
			ConsumerRecord<String, SpecificRecord> tombstone = latest
				.await((r) -> id.equals(r.key()) && r.value() == null, WAIT);
			assertThat(text(tombstone.headers())).containsEntry("ce_id", id + ":2:latest")
				.containsEntry("ce_type", "org.pressline.article.retracted")
				.containsEntry("ce_subject", id)
				.doesNotContainKeys("content-type", "ce_dataschema");
		}
	}

	@Test
	void everyRecordOfAPublicationCarriesTheTraceContext() throws Exception {
		String id = UUID.randomUUID().toString();
		PublishFixtures.sendEnriched(PublishFixtures.draft(id, 1));
		for (String topic : java.util.List.of("articles.published", "articles.published.local", "articles.latest",
				"articles.publish-state", "articles.status")) {
			try (TopicProbe<byte[]> probe = TopicProbe.on(topic, new ByteArrayDeserializer())) {
				ConsumerRecord<String, byte[]> record = probe.await((r) -> id.equals(r.key()), WAIT);
				// W3C trace context: version, 32 hex digits of trace id, 16 of span id,
				// flags.
				assertThat(header(record.headers(), "traceparent")).as(topic)
					.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
			}
		}
	}

	@Test
	void theCloudEventsSdkReadsTheEventsAndTheirAvroData() throws Exception {
		String id = UUID.randomUUID().toString();
		PublishFixtures.sendEnriched(PublishFixtures.draft(id, 1));

		ArticlePublished expected;
		try (TopicProbe<SpecificRecord> published = probe("articles.published")) {
			expected = (ArticlePublished) published.await((r) -> id.equals(r.key()), WAIT).value();
		}
		try (TopicProbe<CloudEvent> published = TopicProbe.on("articles.published", new CloudEventDeserializer());
				TopicProbe<CloudEvent> latest = TopicProbe.on("articles.latest", new CloudEventDeserializer())) {
			CloudEvent event = published.await((r) -> id.equals(r.key()), WAIT).value();
			assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
			assertThat(event.getId()).isEqualTo(id + ":1:published");
			assertThat(event.getSource()).isEqualTo(URI.create("/pressline/publish-service"));
			assertThat(event.getType()).isEqualTo("org.pressline.article.published");
			assertThat(event.getSubject()).isEqualTo(id);
			assertThat(event.getTime().toInstant()).isEqualTo(expected.getPublishedAt());
			assertThat(event.getDataContentType()).isEqualTo("application/avro");
			assertThat(event.getDataSchema())
				.hasToString(SCHEMA_URI_PREFIX + String.format("%016x", org.apache.avro.SchemaNormalization
					.parsingFingerprint64(EventSchemas.current(ArticlePublished.class))));
			// The data is the record's value as it was: the Avro event, whole.
			SpecificRecord data = new AvroEventDeserializer().deserialize("articles.published",
					event.getData().toBytes());
			assertThat(data).isEqualTo(expected);
			assertThat(((ArticlePublished) data).getEventType()).isEqualTo(PublicationEventType.PUBLISHED);

			CloudEvent state = latest.await((r) -> id.equals(r.key()), WAIT).value();
			assertThat(state.getId()).isEqualTo(id + ":1:latest");
			assertThat(new AvroEventDeserializer().deserialize("articles.latest", state.getData().toBytes()))
				.isEqualTo(expected);
		}
	}

	@Test
	void theTopicsAsyncApiDocumentAndItsPageAreServedWithoutAKey() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> document = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/asyncapi.json")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(document.statusCode()).isEqualTo(200);
		assertThat(document.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(document.body()).contains("\"asyncapi\" : \"3.0.0\"")
			.contains("\"address\" : \"articles.published.local\"")
			.contains("\"ce_dataschema\"");

		HttpResponse<String> page = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/asyncapi.html")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("fetch('asyncapi.json')").doesNotContain("https://");
	}

	private static TopicProbe<SpecificRecord> probe(String topic) {
		return TopicProbe.on(topic, new AvroEventDeserializer());
	}

	private static Map<String, String> text(Headers headers) {
		Map<String, String> text = new java.util.TreeMap<>();
		for (Header header : headers) {
			if (header.key().startsWith("ce_") || header.key().equals("content-type")) {
				text.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
			}
		}
		return text;
	}

	private static String header(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
