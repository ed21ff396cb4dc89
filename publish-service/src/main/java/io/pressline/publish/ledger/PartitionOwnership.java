package io.pressline.publish.ledger;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;

/**
 * Makes the publisher's consumer group the owner of every decision: the instance that
 * owns partition <i>n</i> of {@code articles.enriched} (and, read by the same consumer
 * with the range assignor, partition <i>n</i> of {@code articles.releases}) decides on
 * every version of the articles on it, against partition <i>n</i> of
 * {@code articles.publish-state}.
 * <p>
 * When partitions are assigned, nothing is decided until their state is read: this
 * listener runs in the consumer's thread before the first record of the new assignment is
 * polled. It first asks the group for the partitions' committed offsets, which Kafka
 * answers only once every transaction of the previous owner that commits offsets on them
 * has completed (committed or aborted), then reads the state partitions to their end. A
 * partition taken away is dropped and its timers disarmed; one handed back in the very
 * next generation is kept, since nobody else can have owned it in between (a partition
 * lost with the session, rather than revoked, comes back in a later one and is read
 * again).
 */
public class PartitionOwnership implements KafkaBindingRebalanceListener {

	private static final Logger log = LoggerFactory.getLogger(PartitionOwnership.class);

	private final String binding;

	private final PublicationLedger ledger;

	private final PartitionRestore restorer;

	private final IntConsumer armTimers;

	private final IntConsumer disarmTimers;

	private final Duration timeout;

	/** Partitions revoked (not lost), with the generation they were owned in. */
	private final Map<Integer, Integer> revokedIn = new ConcurrentHashMap<>();

	private final Set<Integer> owned = ConcurrentHashMap.newKeySet();

	/**
	 * @param binding the publisher's input binding
	 * @param ledger the states of the partitions owned
	 * @param restorer reads a partition's states
	 * @param armTimers arms the embargo timers of a partition
	 * @param disarmTimers disarms them
	 * @param timeout how long to wait for the previous owner's transactions
	 */
	public PartitionOwnership(String binding, PublicationLedger ledger, PartitionRestore restorer,
			IntConsumer armTimers, IntConsumer disarmTimers, Duration timeout) {
		this.binding = binding;
		this.ledger = ledger;
		this.restorer = restorer;
		this.armTimers = armTimers;
		this.disarmTimers = disarmTimers;
		this.timeout = timeout;
	}

	@Override
	public void onPartitionsRevokedBeforeCommit(String bindingName, Consumer<?, ?> consumer,
			Collection<TopicPartition> partitions) {
		if (!this.binding.equals(bindingName)) {
			return;
		}
		int generation = consumer.groupMetadata().generationId();
		for (int partition : numbers(partitions)) {
			this.disarmTimers.accept(partition);
			this.owned.remove(partition);
			this.revokedIn.put(partition, generation);
		}
	}

	@Override
	public void onPartitionsAssigned(String bindingName, Consumer<?, ?> consumer, Collection<TopicPartition> partitions,
			boolean initial) {
		if (!this.binding.equals(bindingName)) {
			return;
		}
		int generation = consumer.groupMetadata().generationId();
		Set<Integer> assigned = numbers(partitions);
		Set<Integer> kept = new TreeSet<>();
		Set<Integer> restore = new TreeSet<>();
		for (int partition : assigned) {
			Integer before = this.revokedIn.remove(partition);
			if (before != null && before == generation - 1) {
				kept.add(partition);
			}
			else {
				restore.add(partition);
			}
		}
		// Whatever was revoked and not handed back is another instance's now.
		for (Integer partition : Set.copyOf(this.revokedIn.keySet())) {
			this.revokedIn.remove(partition);
			this.ledger.drop(partition);
		}
		for (int partition : kept) {
			this.owned.add(partition);
			this.armTimers.accept(partition);
		}
		if (!restore.isEmpty()) {
			// Blocks until the previous owner's transactions on these partitions are
			// over.
			consumer.committed(new HashSet<>(partitions), this.timeout);
			restore(restore);
		}
		log.info("Publishing for partitions {} (generation {}; restored {}, kept {})", new TreeSet<>(assigned),
				generation, restore, kept);
	}

	/**
	 * Makes sure a partition's state is read before a version of it is decided: done on
	 * assignment, and again here if that failed (the broker did not answer, say), in the
	 * consumer's thread, before the record. By the time the consumer hands over a record
	 * of the partition, its position came from the group's committed offsets, so the
	 * previous owner's transactions are over.
	 * @throws RuntimeException when the state still cannot be read: the record is not
	 * decided, and is tried again
	 */
	public void ensureRestored(int partition) {
		if (!this.owned.contains(partition)) {
			restore(Set.of(partition));
		}
	}

	/** The partitions whose state is read and whose articles this instance decides on. */
	public Set<Integer> owned() {
		return Set.copyOf(this.owned);
	}

	private void restore(Set<Integer> partitions) {
		this.restorer.restore(partitions);
		for (int partition : partitions) {
			this.owned.add(partition);
			this.armTimers.accept(partition);
		}
	}

	private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
		Set<Integer> numbers = new TreeSet<>();
		partitions.forEach((partition) -> numbers.add(partition.partition()));
		return numbers;
	}

}
