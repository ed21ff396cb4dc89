package io.pressline.platform.deadletter;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

/**
 * Commits a caught-up consumer's offsets past the commit markers that follow the last
 * records it read, once its container has been idle a moment, so the group shows no lag.
 * A transaction's records are followed by its commit marker, which a consumer skips but a
 * committed offset (the last record's, plus one) stops short of.
 * <p>
 * Spring Kafka's own fix ({@code fixTxOffsets}) does it before every poll that follows a
 * commit, in a transaction of its own: at a low rate, when every batch ends on a marker,
 * that is a second transaction per batch (its offset commit often told to wait while the
 * first one's markers are written) between a batch and the next poll, on the thread that
 * would otherwise be reading the next record. Here it is done only when nothing has come
 * for {@link #IDLE}: no transaction is open then, and everything read has been committed,
 * so the positions are where the group is.
 */
public class CaughtUpOffsets implements ApplicationListener<ListenerContainerIdleEvent> {

	private static final Logger log = LoggerFactory.getLogger(CaughtUpOffsets.class);

	/** How long a container is idle before its offsets are moved past the markers. */
	public static final Duration IDLE = Duration.ofSeconds(1);

	/** The containers this is for, as {@link DeadLetterHandling} configured them. */
	private final Set<Object> containers = ConcurrentHashMap.newKeySet();

	/**
	 * Per consumer (its container, the event's source), the positions last found settled:
	 * while it stays idle there, the broker is not asked again.
	 */
	private final Map<Object, Map<TopicPartition, Long>> settled = new ConcurrentHashMap<>();

	/**
	 * Takes over the container's offset fix: Spring Kafka's is turned off, and the
	 * container reports when it is idle.
	 */
	void watch(AbstractMessageListenerContainer<?, ?> container) {
		container.getContainerProperties().setFixTxOffsets(false);
		container.getContainerProperties().setIdleEventInterval(IDLE.toMillis());
		this.containers.add(container);
	}

	/** On the consumer's thread, between two polls. */
	@Override
	public void onApplicationEvent(ListenerContainerIdleEvent event) {
		Object container = event.getContainer(Object.class);
		if (!this.containers.contains(container) && !this.containers.contains(event.getSource())) {
			return;
		}
		Consumer<?, ?> consumer = event.getConsumer();
		try {
			Set<TopicPartition> assigned = consumer.assignment();
			if (assigned.isEmpty()) {
				return;
			}
			Map<TopicPartition, Long> positions = new HashMap<>();
			for (TopicPartition partition : assigned) {
				positions.put(partition, consumer.position(partition));
			}
			if (positions.equals(this.settled.get(event.getSource()))) {
				return;
			}
			Map<TopicPartition, OffsetAndMetadata> past = pastMarkers(positions, consumer.committed(assigned));
			if (past.isEmpty()) {
				this.settled.put(event.getSource(), positions);
			}
			else {
				// Settled only at the next idle moment: a transaction's offsets still
				// on their way may land after this commit, which is then made again.
				consumer.commitSync(past);
				log.debug("Offsets moved past the commit markers of {}: {}", event.getListenerId(), past);
			}
		}
		catch (KafkaException ex) {
			// A rebalance, or the broker away: the next idle moment tries again.
			log.debug("Offsets of {} not moved past the commit markers: {}", event.getListenerId(), ex.toString());
		}
	}

	/**
	 * The offsets to commit: each partition's position, where it is past the committed
	 * offset. A partition the group never committed is left alone (nothing was read
	 * there).
	 * @param positions the consumer's position on each assigned partition
	 * @param committed the group's committed offsets, a partition without one mapped to
	 * {@code null} or missing
	 */
	static Map<TopicPartition, OffsetAndMetadata> pastMarkers(Map<TopicPartition, Long> positions,
			Map<TopicPartition, OffsetAndMetadata> committed) {
		Map<TopicPartition, OffsetAndMetadata> past = new HashMap<>();
		positions.forEach((partition, position) -> {
			OffsetAndMetadata offset = committed.get(partition);
			if (offset != null && position > offset.offset()) {
				past.put(partition, new OffsetAndMetadata(position, offset.metadata()));
			}
		});
		return past;
	}

}
