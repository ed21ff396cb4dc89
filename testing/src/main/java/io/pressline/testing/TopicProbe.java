package io.pressline.testing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Looks at a topic the way a downstream consumer would: a plain {@link KafkaConsumer}
 * reading committed records from the beginning, with no consumer group.
 */
public final class TopicProbe<V> implements AutoCloseable {

	private final KafkaConsumer<String, V> consumer;

	private final String topic;

	/**
	 * Records polled but not yet looked at: a poll can return more than the record
	 * awaited.
	 */
	private final Deque<ConsumerRecord<String, V>> unread = new ArrayDeque<>();

	private TopicProbe(String bootstrapServers, String topic, Deserializer<V> values) {
		this.topic = topic;
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
						"read_committed", ConsumerConfig.CLIENT_ID_CONFIG, "probe-" + UUID.randomUUID()),
				new StringDeserializer(), values);
		List<TopicPartition> partitions = this.consumer.partitionsFor(topic, Duration.ofSeconds(30))
			.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.toList();
		this.consumer.assign(partitions);
		this.consumer.seekToBeginning(partitions);
	}

	/** A probe on a topic of the test broker. */
	public static <V> TopicProbe<V> on(String topic, Deserializer<V> values) {
		return new TopicProbe<>(TestKafka.bootstrapServers(), topic, values);
	}

	/** A probe on a topic of any broker. */
	public static <V> TopicProbe<V> on(String bootstrapServers, String topic, Deserializer<V> values) {
		return new TopicProbe<>(bootstrapServers, topic, values);
	}

	/** Reads on until a record matches, or fails after the timeout saying what it saw. */
	public ConsumerRecord<String, V> await(Predicate<ConsumerRecord<String, V>> match, Duration timeout) {
		List<ConsumerRecord<String, V>> seen = new ArrayList<>();
		long deadline = System.nanoTime() + timeout.toNanos();
		do {
			if (this.unread.isEmpty()) {
				this.consumer.poll(Duration.ofMillis(100)).forEach(this.unread::add);
			}
			while (!this.unread.isEmpty()) {
				ConsumerRecord<String, V> record = this.unread.poll();
				if (match.test(record)) {
					return record;
				}
				seen.add(record);
			}
		}
		while (System.nanoTime() < deadline);
		throw new AssertionError("No matching record on " + this.topic + " within " + timeout + "; saw " + seen.size()
				+ " other record(s)"
				+ (seen.isEmpty() ? "" : ", the last with key " + seen.get(seen.size() - 1).key()));
	}

	/** Everything on the topic up to its current end. */
	public List<ConsumerRecord<String, V>> readToEnd() {
		Map<TopicPartition, Long> ends = this.consumer.endOffsets(this.consumer.assignment());
		List<ConsumerRecord<String, V>> records = new ArrayList<>(this.unread);
		this.unread.clear();
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (ends.entrySet().stream().anyMatch((end) -> this.consumer.position(end.getKey()) < end.getValue())) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Could not read " + this.topic + " to its end within 30 s");
			}
			this.consumer.poll(Duration.ofMillis(100)).forEach(records::add);
		}
		return records;
	}

	/**
	 * The sum of the partitions' end offsets: it grows by one with every record written.
	 */
	public long endOffsetSum() {
		return this.consumer.endOffsets(this.consumer.assignment()).values().stream().mapToLong(Long::longValue).sum();
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
