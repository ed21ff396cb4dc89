package io.pressline.enrich;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import io.pressline.event.ArticleStatus;
import io.pressline.event.serde.AvroEventDeserializer;
import io.pressline.platform.kafka.BindingRecords;
import io.pressline.platform.status.StageReporter;
import io.pressline.testing.KafkaTest;
import io.pressline.testing.TestKafka;
import io.pressline.testing.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A batch whose work outlasts its transaction's timeout, on a real broker: the broker's
 * coordinator aborts the transaction and bumps the producer's epoch, so the commit fails
 * (the producer fenced). The batch must then be read again from its first record and
 * delivered once, not passed by: the next batch's commit would otherwise move the group's
 * offsets beyond drafts that were never enriched. Here the stage report of one draft
 * stalls, as a slow dependency would, once, for four times the transaction timeout.
 */
@KafkaTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.cloud.stream.kafka.binder.transaction.producer.configuration.transaction.timeout.ms="
				+ BatchTransactionTimeoutTests.TIMEOUT_MS)
class BatchTransactionTimeoutTests {

	static final int TIMEOUT_MS = 2000;

	private static final Duration WAIT = Duration.ofSeconds(90);

	/**
	 * Drafts whose article id starts with this stall, the first time they are reported.
	 */
	private static final String STALLS = "stalls-";

	private static final Set<String> stalled = ConcurrentHashMap.newKeySet();

	@Test
	void aBatchWhoseTransactionTimedOutIsReadAgainAndEveryDraftIsEnrichedOnce() throws Exception {
		String before = UUID.randomUUID().toString();
		String stalling = STALLS + UUID.randomUUID();
		String after = UUID.randomUUID().toString();

		// One partition, sent together: one poll, one batch.
		OnePollOfDrafts.send(1, before, stalling, after);

		try (TopicProbe<SpecificRecord> enriched = TopicProbe.on("articles.enriched", new AvroEventDeserializer());
				TopicProbe<SpecificRecord> status = TopicProbe.on("articles.status", new AvroEventDeserializer());
				TopicProbe<SpecificRecord> dlq = TopicProbe.on("articles.submitted.dlq", new AvroEventDeserializer())) {
			List<String> enrichedKeys = new ArrayList<>();
			List<String> enrichedStages = new ArrayList<>();
			await().atMost(WAIT).untilAsserted(() -> {
				enrichedKeys.addAll(OnePollOfDrafts.enrichedKeys(enriched.readToEnd(), before, stalling, after));
				enrichedStages.addAll(OnePollOfDrafts.enrichedKeys(status.readToEnd(), before, stalling, after));
				assertThat(enrichedKeys).contains(before, stalling, after);
				assertThat(enrichedStages).contains(before, stalling, after);
			});
			enrichedKeys.addAll(OnePollOfDrafts.enrichedKeys(enriched.readToEnd(), before, stalling, after));
			enrichedStages.addAll(OnePollOfDrafts.enrichedKeys(status.readToEnd(), before, stalling, after));

			assertThat(stalled).as("the stall happened").contains(stalling);
			assertThat(uncommitted(before)).as("the first attempt's record of %s, aborted, and the second's", before)
				.isGreaterThanOrEqualTo(2);
			assertThat(enrichedKeys).containsExactlyInAnyOrder(before, stalling, after);
			assertThat(enrichedStages).containsExactlyInAnyOrder(before, stalling, after);
			assertThat(dlq.readToEnd()).noneMatch((r) -> List.of(before, stalling, after).contains(r.key()));
		}
	}

	/**
	 * How many records with this key {@code articles.enriched} holds, aborted ones
	 * included: more than one shows that the first transaction was aborted by the broker
	 * and the batch written again.
	 */
	private static long uncommitted(String key) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
						ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor("articles.enriched")
				.stream()
				.map((p) -> new TopicPartition(p.topic(), p.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			long found = 0;
			while (partitions.stream().anyMatch((p) -> consumer.position(p) < ends.get(p))) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (key.equals(record.key())) {
						found++;
					}
				}
			}
			return found;
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class StallingStage {

		/**
		 * Stalls the first report of some articles' stage beyond the transaction timeout.
		 */
		@Bean
		@Primary
		StageReporter stallingStageReporter(BindingRecords records, MeterRegistry registry) {
			return new StageReporter(records, registry) {

				@Override
				public void report(ArticleStatus status) {
					if (status.getArticleId().startsWith(STALLS) && stalled.add(status.getArticleId())) {
						// A dependency that hangs: the simulated work itself, not a wait
						// for a condition of the test.
						LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(4L * TIMEOUT_MS));
					}
					super.report(status);
				}

			};
		}

	}

}
