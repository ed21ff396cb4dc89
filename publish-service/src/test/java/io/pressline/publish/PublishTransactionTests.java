package io.pressline.publish;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import io.pressline.event.ArticlePublished;
import io.pressline.event.ArticleStage;
import io.pressline.event.ArticleStatus;
import io.pressline.event.PublicationEventType;
import io.pressline.event.serde.AvroEventDeserializer;
import io.pressline.testing.KafkaTest;
import io.pressline.testing.TestKafka;
import io.pressline.testing.TestTopics;
import io.pressline.testing.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A publication is written whole or not at all: when one of its records cannot be
 * written, the others of the same version (stream, latest state, status) are aborted with
 * it, downstream readers of committed data never see them, and the service does not take
 * the version for published: when the write succeeds at last, the version is published,
 * and published once.
 */
@KafkaTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "pressline.publish.sections=local,tiny", "pressline.publish.default-section=local",
				// The tiny section keeps the limit given above: the service would
				// otherwise raise it to the pipeline's record size when it starts.
				"spring.kafka.admin.modify-topic-configs=false",
				// Tried again and again until the test lets the record through.
				"spring.cloud.stream.bindings.publish-in-0.consumer.max-attempts=1000",
				"spring.cloud.stream.bindings.publish-in-0.consumer.back-off-initial-interval=200",
				"spring.cloud.stream.bindings.publish-in-0.consumer.back-off-max-interval=200" })
@DirtiesContext
class PublishTransactionTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	/** The section whose topic takes no record as large as an article. */
	private static final String TINY_TOPIC = "articles.published.tiny";

	@LocalServerPort
	private int port;

	@BeforeAll
	static void createTheTinySectionsTopic() throws Exception {
		TestTopics.createIfAbsent(new NewTopic(TINY_TOPIC, 1, (short) 1).configs(Map.of("max.message.bytes", "200")));
	}

	@Test
	void aPublicationIsWrittenWholeOrNotAtAllAndAVersionRolledBackIsDecidedAgain() throws Exception {
		String id = UUID.randomUUID().toString();
		PublishFixtures.sendEnriched(PublishFixtures.draft(id, 1).setSection("tiny"));

		// Each attempt writes the article's records, the section's topic refuses its
		// record and the transaction aborts: a reader of uncommitted data sees the
		// attempts pile up ...
		await().atMost(WAIT)
			.until(() -> readUncommitted("articles.published").stream().filter(id::equals).count() >= 3);
		try (TopicProbe<SpecificRecord> published = probe("articles.published");
				TopicProbe<SpecificRecord> latest = probe("articles.latest");
				TopicProbe<SpecificRecord> status = probe("articles.status")) {
			// ... readers of committed data, as every downstream site is, see none of
			// them,
			assertThat(keys(published.readToEnd())).doesNotContain(id);
			assertThat(keys(latest.readToEnd())).doesNotContain(id);
			assertThat(status.readToEnd()).noneMatch(
					(r) -> id.equals(r.key()) && ((ArticleStatus) r.value()).getStage() == ArticleStage.PUBLISHED);
			// ... and the service does not take the version for published.
			assertThat(get("/api/v1/published/" + id).statusCode()).isEqualTo(404);

			// Once the topic takes the record, the next attempt publishes the version,
			// once: decided again, not ignored as already published.
			allowLargeRecordsOnTheTinySection();
			ArticlePublished event = (ArticlePublished) published.await((r) -> id.equals(r.key()), WAIT).value();
			assertThat(event.getVersion()).isEqualTo(1);
			assertThat(event.getEventType()).isEqualTo(PublicationEventType.PUBLISHED);
			assertThat(latest.await((r) -> id.equals(r.key()), WAIT).value()).isEqualTo(event);
			await().atMost(WAIT).until(() -> get("/api/v1/published/" + id).statusCode() == 200);
			assertThat(keys(published.readToEnd())).doesNotContain(id);
		}
	}

	private static void allowLargeRecordsOnTheTinySection() throws Exception {
		TestTopics.set(TINY_TOPIC, "max.message.bytes", "1048588");
	}

	/** The keys on a topic as a reader of uncommitted data sees them. */
	private static List<String> readUncommitted(String topic) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
						ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			List<String> keys = new ArrayList<>();
			long deadline = System.nanoTime() + WAIT.toNanos();
			while (partitions.stream().anyMatch((p) -> consumer.position(p) < ends.get(p))
					&& System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(100)).forEach((r) -> keys.add(r.key()));
			}
			return keys;
		}
	}

	private static List<String> keys(List<ConsumerRecord<String, SpecificRecord>> records) {
		return records.stream().map(ConsumerRecord::key).toList();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
	}

	private static TopicProbe<SpecificRecord> probe(String topic) {
		return TopicProbe.on(topic, new AvroEventDeserializer());
	}

}
