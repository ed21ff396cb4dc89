package io.pressline.platform.deadletter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ContainerProperties.EOSMode;
import org.springframework.kafka.listener.ListenerUtils;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * After the transaction of a batch rolled back: nothing of the batch was written, so the
 * whole batch is read again from its first record. When the failure names the record that
 * caused it ({@link BatchListenerFailedException}, as {@code RecordBatches} throws), that
 * record gets the binding's attempts and back-off as it would alone; once they are used
 * up (at once for a record that cannot be decoded) it goes alone to its dead-letter topic
 * through the same recoverer, with the same headers, and the batch read again passes it
 * over ({@link DeadLetteredRecords}), so the rest of it is handled and committed once. A
 * failure of the batch as a whole (its commit) is retried with the back-off, and nothing
 * is dead-lettered for it.
 * <p>
 * Spring Kafka's own processor cannot do this for a batch in a transaction: it knows no
 * more than that the batch failed, and would dead-letter all of it.
 */
class BatchAfterRollback implements AfterRollbackProcessor<Object, Object> {

	private static final LogAccessor log = new LogAccessor(BatchAfterRollback.class);

	private static final int TRACKED = 1_000;

	private final BiConsumer<ConsumerRecord<?, ?>, Exception> recoverer;

	private final BackOff backOff;

	private final DeadLetteredRecords deadLettered;

	private final Map<ConsumerRecordKey, BackOffExecution> failing = Collections.synchronizedMap(new LinkedHashMap<>() {

		@Override
		protected boolean removeEldestEntry(Map.Entry<ConsumerRecordKey, BackOffExecution> eldest) {
			return size() > TRACKED;
		}

	});

	private BackOffExecution batchFailures;

	BatchAfterRollback(BiConsumer<ConsumerRecord<?, ?>, Exception> recoverer, BackOff backOff,
			DeadLetteredRecords deadLettered) {
		this.recoverer = recoverer;
		this.backOff = backOff;
		this.deadLettered = deadLettered;
	}

	@Override
	public void process(List<ConsumerRecord<Object, Object>> records, Consumer<Object, Object> consumer,
			MessageListenerContainer container, Exception exception, boolean recoverable, EOSMode eosMode) {
		processBatch(null, records, consumer, container, exception, recoverable, eosMode);
	}

	@Override
	public void processBatch(ConsumerRecords<Object, Object> records, List<ConsumerRecord<Object, Object>> recordList,
			Consumer<Object, Object> consumer, MessageListenerContainer container, Exception exception,
			boolean recoverable, EOSMode eosMode) {
		seekToFirst(recordList, consumer);
		BatchListenerFailedException failed = cause(exception, BatchListenerFailedException.class);
		ConsumerRecord<?, ?> culprit = (failed == null) ? null
				: (failed.getRecord() != null) ? failed.getRecord()
						: (failed.getIndex() >= 0 && failed.getIndex() < recordList.size())
								? recordList.get(failed.getIndex()) : null;
		if (culprit == null) {
			if (this.batchFailures == null) {
				this.batchFailures = this.backOff.start();
			}
			long wait = this.batchFailures.nextBackOff();
			log.warn(exception, () -> "A batch of " + recordList.size() + " records failed as a whole; read again");
			pause(container, (wait == BackOffExecution.STOP) ? 1000 : wait);
			return;
		}
		this.batchFailures = null;
		ConsumerRecordKey key = new ConsumerRecordKey(culprit.topic(), culprit.partition(), culprit.offset());
		DeserializationException undecodable = SerializationUtils.getExceptionFromHeader(culprit,
				SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, log);
		Exception cause = (undecodable != null) ? undecodable
				: (failed.getCause() instanceof Exception inner) ? inner : failed;
		if (undecodable == null) {
			long wait = this.failing.computeIfAbsent(key, (k) -> this.backOff.start()).nextBackOff();
			if (wait != BackOffExecution.STOP) {
				pause(container, wait);
				return;
			}
		}
		this.failing.remove(key);
		this.recoverer.accept(culprit, cause);
		this.deadLettered.deadLettered(culprit.topic(), culprit.partition(), culprit.offset());
	}

	@Override
	public void clearThreadState() {
		this.failing.clear();
		this.batchFailures = null;
	}

	private static void seekToFirst(List<ConsumerRecord<Object, Object>> records, Consumer<Object, Object> consumer) {
		Map<TopicPartition, Long> first = new LinkedHashMap<>();
		for (ConsumerRecord<?, ?> record : records) {
			first.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::min);
		}
		// A partition revoked meanwhile is read again by its new owner, from its
		// committed offset.
		first.keySet().retainAll(consumer.assignment());
		first.forEach(consumer::seek);
	}

	private static void pause(MessageListenerContainer container, long millis) {
		try {
			ListenerUtils.stoppableSleep(container, millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
		for (Throwable t = failure; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

	/**
	 * The error handler of a container in batch mode with transactions: it hands every
	 * failure on, so the batch's transaction rolls back as a whole and this processor
	 * alone decides what comes next. Spring Kafka's default one would retry and commit
	 * part of the batch within the transaction that is about to roll back.
	 */
	static final class RollBack implements CommonErrorHandler {

		@Override
		public void handleBatch(Exception thrownException, ConsumerRecords<?, ?> data, Consumer<?, ?> consumer,
				MessageListenerContainer container, Runnable invokeListener) {
			throw (thrownException instanceof RuntimeException runtime) ? runtime
					: new KafkaException("The batch failed", thrownException);
		}

		@Override
		public void handleOtherException(Exception thrownException, Consumer<?, ?> consumer,
				MessageListenerContainer container, boolean batchListener) {
			throw (thrownException instanceof RuntimeException runtime) ? runtime
					: new KafkaException("The consumer failed", thrownException);
		}

	}

	private record ConsumerRecordKey(String topic, int partition, long offset) {
	}

}
