package io.pressline.ingest.version;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pressline.event.ArticleVersion;
import io.pressline.ingest.store.InstanceStore;

/**
 * What the version topic says: the latest version of every article, kept in the
 * instance's on-disk store (the topic holds one record per article of the archive). Each
 * partition has a consumer of its own, reading committed records only, which reads on
 * only when asked: {@link #catchUp(int)} before a version is given, so what the ledger
 * knows then is everything committed before, whether or not it was read ahead of time.
 */
final class VersionLedger implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(VersionLedger.class);

	private static final Duration POLL = Duration.ofMillis(100);

	private final String topic;

	private final Supplier<Consumer<String, SpecificRecord>> consumers;

	private final Admin admin;

	private final Duration timeout;

	/** Article id → {@link KnownVersion#encode()}. */
	private final Map<String, Long> versions;

	private final Map<Integer, Consumer<String, SpecificRecord>> readers = new ConcurrentHashMap<>();

	/**
	 * @param store where the versions are kept
	 * @param topic the version topic
	 * @param consumers makes a consumer that reads committed records only
	 * @param admin asks for each partition's high watermark
	 * @param timeout how long reading may go without progress
	 */
	VersionLedger(InstanceStore store, String topic, Supplier<Consumer<String, SpecificRecord>> consumers, Admin admin,
			Duration timeout) {
		this.versions = store.numbers("versions");
		this.topic = topic;
		this.consumers = consumers;
		this.admin = admin;
		this.timeout = timeout;
	}

	/** The latest version the ledger has read for an article. */
	Optional<KnownVersion> find(String articleId) {
		return Optional.ofNullable(this.versions.get(articleId)).map(KnownVersion::decode);
	}

	/** How many articles the ledger knows. */
	int size() {
		return this.versions.size();
	}

	/**
	 * Reads a partition on until it has every committed record written before now: up to
	 * the partition's high watermark, not only to its last stable offset, which a
	 * transaction still open (a new article being written by another instance) holds back
	 * with committed records behind it. Only one thread at a time for a partition: the
	 * caller holds the partition's lock.
	 * @throws PipelineUnavailableException when Kafka does not answer, or reading makes
	 * no progress for the timeout (a transaction stays open)
	 */
	void catchUp(int partition) {
		TopicPartition tp = new TopicPartition(this.topic, partition);
		Consumer<String, SpecificRecord> reader = this.readers.computeIfAbsent(partition, (p) -> {
			Consumer<String, SpecificRecord> consumer = this.consumers.get();
			consumer.assign(List.of(tp));
			consumer.seekToBeginning(List.of(tp));
			return consumer;
		});
		long target = highWatermark(tp);
		try {
			long position = reader.position(tp, this.timeout);
			long lastProgress = System.nanoTime();
			while (position < target) {
				poll(reader, tp);
				long now = reader.position(tp, this.timeout);
				if (now > position) {
					position = now;
					lastProgress = System.nanoTime();
				}
				else if (System.nanoTime() - lastProgress > this.timeout.toNanos()) {
					throw new PipelineUnavailableException(tp + " stays at offset " + position + ", below " + target
							+ ", for " + this.timeout + ": a transaction on it is still open", null);
				}
			}
		}
		catch (KafkaException ex) {
			throw new PipelineUnavailableException("Kafka did not let " + tp + " be read: " + ex.getMessage(), ex);
		}
	}

	private void poll(Consumer<String, SpecificRecord> reader, TopicPartition tp) {
		try {
			reader.poll(POLL).forEach(this::apply);
		}
		catch (RecordDeserializationException ex) {
			// Not a version record; nothing of it can be used, so it is skipped.
			log.error("Skipping the unreadable record at {} offset {}: {}", tp, ex.offset(), ex.getMessage());
			reader.seek(tp, ex.offset() + 1);
		}
	}

	private void apply(ConsumerRecord<String, SpecificRecord> record) {
		if (record.value() == null) {
			this.versions.remove(record.key());
		}
		else if (record.value() instanceof ArticleVersion version) {
			KnownVersion read = KnownVersion.of(version);
			KnownVersion known = find(record.key()).orElse(null);
			this.versions.put(record.key(), ((known != null) ? known.orLater(read) : read).encode());
		}
		else {
			log.error("Skipping a {} on {} at offset {}: not a version record", record.value().getSchema().getName(),
					this.topic, record.offset());
		}
	}

	private long highWatermark(TopicPartition tp) {
		try {
			return this.admin
				.listOffsets(Map.of(tp, OffsetSpec.latest()), new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
				.partitionResult(tp)
				.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS)
				.offset();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PipelineUnavailableException("Interrupted while asking for the end of " + tp, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new PipelineUnavailableException("Kafka did not tell the end of " + tp + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		this.readers.values().forEach(Consumer::close);
	}

}
