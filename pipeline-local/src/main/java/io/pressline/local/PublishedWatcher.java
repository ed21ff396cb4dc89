package io.pressline.local;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.pressline.event.json.EventJson;
import io.pressline.event.serde.AvroEventDeserializer;
import io.pressline.event.serde.SchemaRegistry;

/**
 * Prints every event of a topic as it arrives, one JSON document per event, the way a
 * downstream site would see it. Reads committed records only and joins no consumer group.
 */
final class PublishedWatcher {

	private final AtomicBoolean running = new AtomicBoolean(true);

	/**
	 * @param registryUrl the schema registry of a pipeline run with {@code --registry},
	 * or {@code null}
	 */
	void watch(String bootstrapServers, String topic, String registryUrl, boolean fromBeginning, boolean pretty,
			PrintStream out) {
		AvroEventDeserializer events = (registryUrl != null)
				? new AvroEventDeserializer(SchemaRegistry.at(java.net.URI.create(registryUrl)))
				: new AvroEventDeserializer();
		try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
						"read_committed", ConsumerConfig.CLIENT_ID_CONFIG, "pressline-watch-" + UUID.randomUUID()),
				new StringDeserializer(), events)) {
			List<TopicPartition> partitions;
			try {
				partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10))
					.stream()
					.map((info) -> new TopicPartition(topic, info.partition()))
					.toList();
			}
			catch (TimeoutException ex) {
				throw new IllegalStateException("Cannot reach Kafka at " + bootstrapServers
						+ " within 10 s: is the pipeline running? (--bootstrap-servers=host:port to watch another)",
						ex);
			}
			if (partitions.isEmpty()) {
				throw new IllegalStateException(
						"Topic " + topic + " does not exist on " + bootstrapServers + ": is the pipeline running?");
			}
			consumer.assign(partitions);
			if (fromBeginning) {
				consumer.seekToBeginning(partitions);
			}
			else {
				consumer.seekToEnd(partitions);
			}
			while (this.running.get()) {
				for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(500))) {
					out.println((record.value() == null) ? "{\"articleId\":\"" + record.key() + "\",\"tombstone\":true}"
							: EventJson.render((IndexedRecord) record.value(), pretty));
				}
				out.flush();
			}
		}
	}

	void stop() {
		this.running.set(false);
	}

}
