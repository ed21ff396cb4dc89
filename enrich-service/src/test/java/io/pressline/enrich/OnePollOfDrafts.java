package io.pressline.enrich;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.pressline.event.ArticleStage;
import io.pressline.event.ArticleStatus;
import io.pressline.event.ArticleSubmitted;
import io.pressline.event.serde.AvroEventSerializer;
import io.pressline.testing.TestKafka;

/**
 * Drafts written to one partition of {@code articles.submitted} together, so that
 * enrich-service reads them in one poll, one batch; and what came of them, for the tests
 * of batch transactions on a real broker.
 */
final class OnePollOfDrafts {

	private OnePollOfDrafts() {
	}

	/** Sends a short draft for each id, in order, to one partition, and flushes. */
	static void send(int partition, String... ids) {
		try (KafkaProducer<String, SpecificRecord> events = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
						ProducerConfig.LINGER_MS_CONFIG, 50),
				new StringSerializer(), new AvroEventSerializer())) {
			for (String id : ids) {
				events.send(new ProducerRecord<>("articles.submitted", partition, id, draft(id)));
			}
			events.flush();
		}
	}

	/**
	 * The keys among {@code ids} of the records read: every enriched version, and of the
	 * status events only the {@code ENRICHED} ones.
	 */
	static List<String> enrichedKeys(List<ConsumerRecord<String, SpecificRecord>> records, String... ids) {
		List<String> wanted = List.of(ids);
		return new ArrayList<>(records.stream()
			.filter((r) -> wanted.contains(r.key()))
			.filter((r) -> !(r.value() instanceof ArticleStatus status) || status.getStage() == ArticleStage.ENRICHED)
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

}
