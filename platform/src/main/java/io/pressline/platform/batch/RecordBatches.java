package io.pressline.platform.batch;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

import io.pressline.platform.deadletter.DeadLetteredRecords;

/**
 * Walks the records of one poll (a binding in batch mode hands them over as one
 * {@code Message<List<T>>}, each header a list in the order of the records), one at a
 * time, as a stage's per-record code expects them:
 * <ul>
 * <li>each record's handling continues the trace its headers carry, so the records it
 * writes and the log lines about it name the editor's trace, as they did when each record
 * was its own listener call;</li>
 * <li>a record that fails (or could not be decoded) stops the batch with a
 * {@link BatchListenerFailedException} naming it: the batch's transaction rolls back, and
 * {@code BatchAfterRollback} retries the batch and in the end dead-letters that record
 * alone;</li>
 * <li>a record already dead-lettered is passed over, its offset committed with the
 * batch.</li>
 * </ul>
 */
public class RecordBatches {

	private final ObservationRegistry observations;

	private final DeadLetteredRecords deadLettered;

	public RecordBatches(ObservationRegistry observations, DeadLetteredRecords deadLettered) {
		this.observations = observations;
		this.deadLettered = deadLettered;
	}

	/** What a stage does with one record of a batch. */
	@FunctionalInterface
	public interface RecordHandler<T> {

		void handle(BatchRecord<T> record);

	}

	/**
	 * Hands each record of the batch to the handler, in order.
	 * @throws BatchListenerFailedException when one fails, with its index in the batch
	 */
	public <T> void each(Message<List<T>> batch, RecordHandler<T> handler) {
		List<T> values = batch.getPayload();
		MessageHeaders headers = batch.getHeaders();
		for (int index = 0; index < values.size(); index++) {
			String topic = (String) at(headers.get(KafkaHeaders.RECEIVED_TOPIC), index);
			Number partition = (Number) at(headers.get(KafkaHeaders.RECEIVED_PARTITION), index);
			Number offset = (Number) at(headers.get(KafkaHeaders.OFFSET), index);
			int partitionNumber = (partition != null) ? partition.intValue() : 0;
			long offsetNumber = (offset != null) ? offset.longValue() : -1;
			if (topic != null && this.deadLettered.passOver(topic, partitionNumber, offsetNumber)) {
				continue;
			}
			T value = values.get(index);
			if (value == null || value instanceof KafkaNull) {
				// The value deserialiser failed; the record's headers say why, and
				// BatchAfterRollback dead-letters its bytes at once.
				throw new BatchListenerFailedException(
						"Record " + topic + "-" + partitionNumber + "@" + offsetNumber + " could not be decoded",
						index);
			}
			BatchRecord<T> record = new BatchRecord<>(value, at(headers.get(KafkaHeaders.RECEIVED_KEY), index), topic,
					partitionNumber, offsetNumber);
			try {
				observation(headers, index, topic).observe(() -> handler.handle(record));
			}
			catch (RuntimeException failure) {
				throw new BatchListenerFailedException("Record " + topic + "-" + partitionNumber + "@" + offsetNumber
						+ " failed: " + failure.getMessage(), failure, index);
			}
		}
	}

	private Observation observation(MessageHeaders headers, int index, String topic) {
		Object recordHeaders = at(headers.get(KafkaHeaders.BATCH_CONVERTED_HEADERS), index);
		if (recordHeaders == null) {
			recordHeaders = at(headers.get(KafkaHeaders.NATIVE_HEADERS), index);
		}
		Object carrier = recordHeaders;
		return Observation.createNotStarted("pressline.batch.record", () -> {
			ReceiverContext<Object> context = new ReceiverContext<>((from, name) -> header(from, name));
			context.setCarrier(carrier);
			context.setRemoteServiceName("kafka");
			return context;
		}, this.observations)
			.lowCardinalityKeyValue("topic", (topic != null) ? topic : "unknown")
			.lowCardinalityKeyValue("messaging_kafka_consumer_group", group(headers));
	}

	/**
	 * The consumer group reading the batch, as Spring Kafka's own listener observation
	 * names it, so that one dashboard query counts records of batch and record listeners.
	 */
	private static String group(MessageHeaders headers) {
		String group = KafkaUtils.getConsumerGroupId();
		if (group == null && headers.get(KafkaHeaders.GROUP_ID) != null) {
			group = String.valueOf(headers.get(KafkaHeaders.GROUP_ID));
		}
		return (group != null) ? group : "unknown";
	}

	/** A header of one record: each is a list in batch mode, a single value otherwise. */
	private static Object at(Object header, int index) {
		if (header instanceof List<?> list) {
			return (index < list.size()) ? list.get(index) : null;
		}
		return header;
	}

	private static String header(Object headers, String name) {
		Object value = null;
		if (headers instanceof Map<?, ?> map) {
			value = map.get(name);
		}
		else if (headers instanceof Headers kafka) {
			Header last = kafka.lastHeader(name);
			value = (last != null) ? last.value() : null;
		}
		if (value instanceof byte[] bytes) {
			return new String(bytes, StandardCharsets.UTF_8);
		}
		return (value != null) ? value.toString() : null;
	}

}
