package io.pressline.enrich;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import io.pressline.event.ArticleStatus;
import io.pressline.event.ArticleSubmitted;
import io.pressline.event.serde.AvroEventDeserializer;
import io.pressline.event.serde.AvroEventSerializer;
import io.pressline.platform.kafka.BindingRecords;
import io.pressline.platform.status.StageReporter;
import io.pressline.testing.KafkaTest;
import io.pressline.testing.TestKafka;
import io.pressline.testing.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One transaction per batch, on a real broker: a draft that fails in the middle of its
 * batch is tried again with the binding's attempts, then goes alone to
 * {@code articles.submitted.dlq} with its headers, and the drafts beside it in the batch
 * are enriched and reported once each (their first attempt, rolled back with the batch,
 * is never seen by a read-committed reader).
 */
@KafkaTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BatchDeadLetterTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	/** Drafts whose article id starts with this fail when their stage is reported. */
	private static final String FAILS = "fails-";

	@Test
	void aDraftThatKeepsFailingIsDeadLetteredAloneAndTheRestOfItsBatchIsEnrichedOnce() throws Exception {
		String before = UUID.randomUUID().toString();
		String failing = FAILS + UUID.randomUUID();
		String after = UUID.randomUUID().toString();

		try (KafkaProducer<String, SpecificRecord> events = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
						ProducerConfig.LINGER_MS_CONFIG, 50),
				new StringSerializer(), new AvroEventSerializer())) {
			// One partition, sent together: one poll, as far as the consumer is
			// concerned.
			for (String id : List.of(before, failing, after)) {
				events.send(new ProducerRecord<>("articles.submitted", 0, id, draft(id)));
			}
			events.flush();
		}

		try (TopicProbe<SpecificRecord> dlq = TopicProbe.on("articles.submitted.dlq", new AvroEventDeserializer());
				TopicProbe<SpecificRecord> enriched = TopicProbe.on("articles.enriched", new AvroEventDeserializer());
				TopicProbe<SpecificRecord> status = TopicProbe.on("articles.status", new AvroEventDeserializer())) {
			ConsumerRecord<String, SpecificRecord> letter = dlq.await((r) -> failing.equals(r.key()), WAIT);
			assertThat(((ArticleSubmitted) letter.value()).getArticleId()).isEqualTo(failing);
			assertThat(header(letter, "pressline-stage")).isEqualTo("enrich-service");
			assertThat(header(letter, "pressline-error")).contains("the test refuses the stage of " + failing);
			assertThat(header(letter, "pressline-attempts")).isEqualTo("3");
			assertThat(header(letter, "kafka_dlt-original-topic")).isEqualTo("articles.submitted");

			// The batch read again without it commits once the letter is out.
			List<String> enrichedKeys = new ArrayList<>();
			List<String> enrichedStages = new ArrayList<>();
			await().atMost(WAIT).untilAsserted(() -> {
				enrichedKeys.addAll(keys(enriched.readToEnd(), before, failing, after));
				enrichedStages.addAll(keys(status.readToEnd(), before, failing, after));
				assertThat(enrichedKeys).contains(before, after);
				assertThat(enrichedStages).contains(before, after);
			});
			enrichedKeys.addAll(keys(enriched.readToEnd(), before, failing, after));
			enrichedStages.addAll(keys(status.readToEnd(), before, failing, after));
			assertThat(enrichedKeys).containsExactlyInAnyOrder(before, after);
			assertThat(enrichedStages).containsExactlyInAnyOrder(before, after);
			assertThat(dlq.readToEnd()).noneMatch((r) -> failing.equals(r.key()));
		}
	}

	private static List<String> keys(List<ConsumerRecord<String, SpecificRecord>> records, String... mine) {
		List<String> wanted = List.of(mine);
		return new ArrayList<>(records.stream()
			.filter((r) -> wanted.contains(r.key()))
			.filter((r) -> !(r.value() instanceof ArticleStatus status)
					|| status.getStage() == io.pressline.event.ArticleStage.ENRICHED)
			.map(ConsumerRecord::key)
			.toList());
	}

	private static ArticleSubmitted draft(String id) {
		return ArticleSubmitted.newBuilder()
			.setArticleId(id)
			.setVersion(1)
			.setHeadline("Library opens on Sundays")
			.setBody("The central library opens on Sundays from next month, the council said.")
			.setSubmittedAt(Instant.now())
			.build();
	}

	private static String header(ConsumerRecord<String, ?> record, String name) {
		return (record.headers().lastHeader(name) != null)
				? new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8) : null;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FailingStage {

		/** Fails the report of some articles' stage, as a broken dependency would. */
		@Bean
		@Primary
		StageReporter failingStageReporter(BindingRecords records, MeterRegistry registry) {
			return new StageReporter(records, registry) {

				@Override
				public void report(ArticleStatus status) {
					if (status.getArticleId().startsWith(FAILS)) {
						throw new IllegalStateException("the test refuses the stage of " + status.getArticleId());
					}
					super.report(status);
				}

			};
		}

	}

}
