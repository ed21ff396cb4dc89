package io.pressline.enrich;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import io.pressline.event.ArticleStatus;
import io.pressline.event.ArticleSubmitted;
import io.pressline.event.serde.AvroEventDeserializer;
import io.pressline.platform.kafka.BindingRecords;
import io.pressline.platform.status.StageReporter;
import io.pressline.testing.KafkaTest;
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

		// One partition, sent together: one poll, one batch.
		OnePollOfDrafts.send(0, before, failing, after);

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
				enrichedKeys.addAll(OnePollOfDrafts.enrichedKeys(enriched.readToEnd(), before, failing, after));
				enrichedStages.addAll(OnePollOfDrafts.enrichedKeys(status.readToEnd(), before, failing, after));
				assertThat(enrichedKeys).contains(before, after);
				assertThat(enrichedStages).contains(before, after);
			});
			enrichedKeys.addAll(OnePollOfDrafts.enrichedKeys(enriched.readToEnd(), before, failing, after));
			enrichedStages.addAll(OnePollOfDrafts.enrichedKeys(status.readToEnd(), before, failing, after));
			assertThat(enrichedKeys).containsExactlyInAnyOrder(before, after);
			assertThat(enrichedStages).containsExactlyInAnyOrder(before, after);
			assertThat(dlq.readToEnd()).noneMatch((r) -> failing.equals(r.key()));
		}
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
