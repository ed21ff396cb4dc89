package io.pressline.ingest.version;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Producer;

/**
 * One {@link TransactionalWriter} per partition of the version topic, with transactional
 * id {@code <prefix><partition>}, each used under a lock of its own: work on one
 * partition waits for the work before it, work on others goes on beside it.
 */
final class PartitionWriters implements AutoCloseable {

	private final String transactionalIdPrefix;

	private final Function<String, Producer<String, SpecificRecord>> producers;

	private final Map<Integer, TransactionalWriter> writers = new ConcurrentHashMap<>();

	/**
	 * @param transactionalIdPrefix what each writer's transactional id starts with
	 * @param producers makes a producer with the given transactional id
	 */
	PartitionWriters(String transactionalIdPrefix, Function<String, Producer<String, SpecificRecord>> producers) {
		this.transactionalIdPrefix = transactionalIdPrefix;
		this.producers = producers;
	}

	/** Does some work with a partition's writer, holding its lock. */
	<T> T locked(int partition, Function<TransactionalWriter, T> work) {
		TransactionalWriter writer = this.writers.computeIfAbsent(partition,
				(p) -> new TransactionalWriter(this.transactionalIdPrefix + p, this.producers));
		synchronized (writer) {
			return work.apply(writer);
		}
	}

	@Override
	public void close() {
		for (TransactionalWriter writer : this.writers.values()) {
			synchronized (writer) {
				writer.close();
			}
		}
	}

}
