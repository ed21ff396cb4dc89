package io.pressline.local;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.pressline.kafka.local.LocalKafka;
import io.pressline.testing.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The archive re-enriched after the engine changed, on a broker of its own: two articles
 * published while enrich-service ran the passthrough engine (no tags at all), then the
 * pipeline started again with the language engine and a third article published under it.
 * A re-enrichment run gives exactly the first two a new UPDATED version, with their text
 * and the new tags, and the third nothing.
 */
class PipelineReenrichmentIT {

	private static final Duration WAIT = Duration.ofMinutes(3);

	private static LocalKafka kafka;

	private static LocalPipeline pipeline;

	@BeforeAll
	static void broker() {
		kafka = LocalKafka.builder().start();
	}

	@AfterAll
	static void stop() {
		if (pipeline != null) {
			pipeline.close();
		}
		if (kafka != null) {
			kafka.close();
		}
	}

	@Test
	void onlyTheArticlesWhoseEnrichmentChangedGetOneNewUpdatedVersion() throws Exception {
		pipeline = start("--pressline.enrich.engine=passthrough");
		PipelineClient before = new PipelineClient(pipeline);
		String ferry = before.submit("""
				{"headline": "Ferry fares rise", "section": "local",
				 "body": "Fares on the Portmere ferry rise by 4% in March, the harbour authority said on Tuesday."}
				""");
		String crane = before.submit("""
				{"headline": "Harbour crane returns", "section": "local",
				 "body": "The harbour crane in Portmere is back in service, Mayor Ada Quill said."}
				""");
		awaitPublished(Set.of(ferry, crane));
		pipeline.close();

		pipeline = start();
		PipelineClient client = new PipelineClient(pipeline);
		String buses = client.submit("""
				{"headline": "Night buses return", "section": "local",
				 "body": "Night buses run again in Portmere from Friday, the transport office said."}
				""");
		awaitPublished(Set.of(buses));

		HttpResponse<String> start = client.send(client.operator("ingest-service", "/api/v1/ops/reenrichment")
			.POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
		assertThat(start.statusCode()).as(start.body()).isEqualTo(202);
		await().atMost(WAIT).until(() -> {
			JsonNode progress = client
				.read(client.send(client.operator("ingest-service", "/api/v1/ops/reenrichment").GET()).body());
			return "FINISHED".equals(progress.get("state").asString());
		});

		// Published after the run's replays: the last events of a site's view.
		await().atMost(WAIT).untilAsserted(() -> assertThat(events(Set.of(ferry, crane)).get(ferry)).hasSize(2));
		await().atMost(WAIT).untilAsserted(() -> assertThat(events(Set.of(ferry, crane)).get(crane)).hasSize(2));
		await().atMost(WAIT).untilAsserted(() -> assertThat(client.stage(buses)).isEqualTo("PUBLISHED"));
		await().atMost(WAIT).untilAsserted(() -> {
			HttpResponse<String> status = client.asEditor("GET", "/api/v1/articles/" + buses, null);
			assertThat(client.read(status.body()).get("reason").asString()).startsWith("unchanged by re-enrichment");
		});

		Map<String, List<GenericRecord>> events = events(Set.of(ferry, crane, buses));
		assertThat(events.get(buses)).extracting((e) -> e.get("eventType").toString()).containsExactly("PUBLISHED");
		for (String id : List.of(ferry, crane)) {
			List<GenericRecord> versions = events.get(id);
			assertThat(versions).extracting((e) -> e.get("eventType").toString())
				.containsExactly("PUBLISHED", "UPDATED");
			GenericRecord first = versions.get(0);
			GenericRecord update = versions.get(1);
			assertThat(update.get("version")).isEqualTo(2);
			assertThat(update.get("body")).hasToString(first.get("body").toString());
			assertThat(update.get("slug")).hasToString(first.get("slug").toString());
			assertThat((Integer) ((GenericRecord) first.get("enrichment")).get("wordCount")).isZero();
			assertThat((Integer) ((GenericRecord) update.get("enrichment")).get("wordCount")).isGreaterThan(5);
			assertThat((List<?>) ((GenericRecord) update.get("enrichment")).get("entities")).isNotEmpty();
		}
	}

	private static LocalPipeline start(String... arguments) {
		return LocalPipeline.start(new LocalPipeline.Options(0, kafka.bootstrapServers(), null,
				Map.of(Service.INGEST, 0, Service.ENRICH, 0, Service.PUBLISH, 0), Path.of("target/services"),
				Path.of("target/reenrichment-logs"), List.of(arguments)), System.out::println);
	}

	private static void awaitPublished(Set<String> ids) {
		await().atMost(WAIT).until(() -> events(ids).keySet().containsAll(ids));
	}

	/**
	 * The events on articles.published of these articles, in order, as a site reads them.
	 */
	private static Map<String, List<GenericRecord>> events(Set<String> ids) throws Exception {
		Map<String, List<GenericRecord>> events = new HashMap<>();
		try (TopicProbe<byte[]> published = TopicProbe.on(kafka.bootstrapServers(), "articles.published",
				new ByteArrayDeserializer())) {
			for (ConsumerRecord<String, byte[]> record : published.readToEnd()) {
				if (ids.contains(record.key())) {
					events.computeIfAbsent(record.key(), (id) -> new java.util.ArrayList<>())
						.add(PipelineClient.decodePublished(record.value()));
				}
			}
		}
		return events;
	}

}
