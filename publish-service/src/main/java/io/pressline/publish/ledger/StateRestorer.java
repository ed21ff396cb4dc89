package io.pressline.publish.ledger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pressline.event.PublicationState;
import io.pressline.platform.kafka.KafkaClients;

/**
 * Reads partitions of {@code articles.publish-state} from their start to their last
 * committed record into the {@link PublicationLedger}: what this instance must know
 * before it decides on any version of those partitions' articles.
 */
public class StateRestorer implements PartitionRestore {

	private static final Logger log = LoggerFactory.getLogger(StateRestorer.class);

	private final KafkaClients clients;

	private final String topic;

	private final PublicationLedger ledger;

	private final Duration timeout;

	/**
	 * @param clients settings of the reader, with the deployment's security
	 * @param topic the state topic
	 * @param ledger where the states go
	 * @param timeout how long one partition may take before the restore fails
	 */
	public StateRestorer(KafkaClients clients, String topic, PublicationLedger ledger, Duration timeout) {
		this.clients = clients;
		this.topic = topic;
		this.ledger = ledger;
		this.timeout = timeout;
	}

	/**
	 * Replaces the ledger's copy of each partition with what the topic holds now.
	 * @throws IllegalStateException when a partition cannot be read to its end in time
	 */
	@Override
	public void restore(Collection<Integer> partitions) {
		if (partitions.isEmpty()) {
			return;
		}
		long started = System.nanoTime();
		List<TopicPartition> assigned = partitions.stream().map((p) -> new TopicPartition(this.topic, p)).toList();
		try (KafkaConsumer<String, SpecificRecord> consumer = this.clients.consumer(
				Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
						2000, ConsumerConfig.CLIENT_ID_CONFIG, "publish-state-restore"),
				new StringDeserializer(), this.clients.events())) {
			consumer.assign(assigned);
			consumer.seekToBeginning(assigned);
			// Read committed: the end is the last stable offset, past every transaction
			// that has committed; the caller has waited for those of the partitions'
			// previous owner to complete.
			Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(assigned, this.timeout));
			for (TopicPartition partition : assigned) {
				this.ledger.drop(partition.partition());
			}
			long deadline = System.nanoTime() + this.timeout.toNanos() * assigned.size();
			int read = 0;
			List<TopicPartition> remaining = new ArrayList<>(assigned);
			while (true) {
				remaining.removeIf((partition) -> consumer.position(partition) >= ends.get(partition));
				if (remaining.isEmpty()) {
					break;
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Partitions " + remaining + " of " + this.topic
							+ " could not be read to their end within " + this.timeout.multipliedBy(assigned.size()));
				}
				for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(200))) {
					read++;
					if (record.value() instanceof PublicationState state) {
						this.ledger.put(record.partition(), ArticleState.of(state));
					}
					else if (record.value() == null) {
						this.ledger.remove(record.partition(), record.key());
					}
				}
			}
			if (log.isInfoEnabled()) {
				log.info("Restored the publication state of partitions {}: {} records read in {} ms, {} articles",
						partitions, read, (System.nanoTime() - started) / 1_000_000,
						partitions.stream().mapToInt(this.ledger::size).sum());
			}
		}
	}

}
