package io.pressline.platform.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.kafka.support.KafkaHeaders;

import io.pressline.platform.PipelineTopics;

/**
 * The operators' view of the dead-letter topics ({@code <topic>.dlq}): what lies there,
 * where it came from and why, and a replay that puts a record back, byte for byte, on the
 * topic it failed on, marked with {@value #REPLAYED_HEADER}. Works on raw bytes, so a
 * record nobody can decode can still be listed and replayed once the reader is fixed.
 */
public class DeadLetters implements AutoCloseable {

	/** On a replayed record: {@code <dead-letter topic>/<partition>/<offset>}. */
	public static final String REPLAYED_HEADER = "pressline-replayed-from";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	/** One dead letter, as an operator sees it. */
	public record DeadLetter(String topic, int partition, long offset, Instant timestamp, String key, int bytes,
			String stage, String error, Integer attempts, String originalTopic, Integer originalPartition,
			Long originalOffset) {
	}

	/** Where a replayed record went. */
	public record Replay(String from, String topic, int partition, long offset) {
	}

	private final Map<String, Object> consumerConfiguration;

	private final KafkaProducer<byte[], byte[]> producer;

	private final AdminClient admin;

	/**
	 * @param admin the service's admin client
	 * @param clientConfiguration how to reach the cluster: bootstrap servers and security
	 * settings, without serialisers
	 */
	public DeadLetters(AdminClient admin, Map<String, Object> clientConfiguration) {
		this.consumerConfiguration = new HashMap<>(clientConfiguration);
		this.consumerConfiguration.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		this.consumerConfiguration.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		this.consumerConfiguration.remove(ConsumerConfig.GROUP_ID_CONFIG);
		Map<String, Object> producerConfiguration = new HashMap<>(clientConfiguration);
		producerConfiguration.put("acks", "all");
		this.producer = new KafkaProducer<>(producerConfiguration, new ByteArraySerializer(),
				new ByteArraySerializer());
		this.admin = admin;
	}

	/** Whether a topic is a dead-letter topic: its name ends in {@code .dlq}. */
	public static boolean isDeadLetterTopic(String topic) {
		return topic.endsWith(PipelineTopics.DEAD_LETTER_SUFFIX);
	}

	/** The dead-letter topics there are. */
	public Set<String> topics() {
		try {
			Set<String> topics = new TreeSet<>();
			for (String name : this.admin.listTopics(new ListTopicsOptions().timeoutMs((int) TIMEOUT.toMillis()))
				.names()
				.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				if (isDeadLetterTopic(name)) {
					topics.add(name);
				}
			}
			return topics;
		}
		catch (InterruptedException | ExecutionException | TimeoutException ex) {
			throw unavailable(ex);
		}
	}

	/**
	 * The latest dead letters of a topic, newest first.
	 * @param topic a dead-letter topic
	 * @param limit at most this many
	 * @throws IllegalArgumentException when there is no such dead-letter topic
	 */
	public List<DeadLetter> latest(String topic, int limit) {
		requireDeadLetterTopic(topic);
		List<DeadLetter> found = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
			List<TopicPartition> partitions = partitions(consumer, topic);
			consumer.assign(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
			Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, TIMEOUT);
			for (TopicPartition partition : partitions) {
				consumer.seek(partition, Math.max(starts.get(partition), ends.get(partition) - limit));
			}
			long deadline = System.nanoTime() + TIMEOUT.toNanos();
			while (!caughtUp(consumer, partitions, ends) && System.nanoTime() < deadline) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
						found.add(letter(record));
					}
				}
			}
		}
		found.sort(Comparator.comparing(DeadLetter::timestamp).thenComparing(DeadLetter::offset).reversed());
		return found.subList(0, Math.min(limit, found.size()));
	}

	/**
	 * Puts one dead letter back on the topic it came from.
	 * @throws IllegalArgumentException when there is no such record, or it does not say
	 * where it came from
	 */
	public Replay replay(String topic, int partition, long offset) {
		requireDeadLetterTopic(topic);
		ConsumerRecord<byte[], byte[]> record = read(topic, partition, offset);
		String originalTopic = header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
		if (originalTopic == null) {
			throw new IllegalArgumentException(
					"Dead letter " + topic + "/" + partition + "/" + offset + " does not say which topic it came from");
		}
		String from = topic + "/" + partition + "/" + offset;
		ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(originalTopic, null, record.key(), record.value());
		again.headers().add(REPLAYED_HEADER, from.getBytes(StandardCharsets.UTF_8));
		try {
			RecordMetadata written = this.producer.send(again).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			return new Replay(from, written.topic(), written.partition(), written.offset());
		}
		catch (InterruptedException | ExecutionException | TimeoutException ex) {
			throw unavailable(ex);
		}
	}

	private ConsumerRecord<byte[], byte[]> read(String topic, int partition, long offset) {
		try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
			TopicPartition where = new TopicPartition(topic, partition);
			if (partitions(consumer, topic).stream().noneMatch(where::equals)) {
				throw new IllegalArgumentException("Topic " + topic + " has no partition " + partition);
			}
			consumer.assign(List.of(where));
			long end = consumer.endOffsets(List.of(where), TIMEOUT).get(where);
			long start = consumer.beginningOffsets(List.of(where), TIMEOUT).get(where);
			if (offset < start || offset >= end) {
				throw new IllegalArgumentException("No dead letter at " + topic + "/" + partition + "/" + offset
						+ " (offsets there run from " + start + " to " + (end - 1) + ")");
			}
			consumer.seek(where, offset);
			long deadline = System.nanoTime() + TIMEOUT.toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (record.offset() == offset) {
						return record;
					}
					if (record.offset() > offset) {
						throw new IllegalArgumentException(
								"No dead letter at " + topic + "/" + partition + "/" + offset);
					}
				}
			}
			throw new IllegalStateException("Kafka did not return " + topic + "/" + partition + "/" + offset
					+ " within " + TIMEOUT.toSeconds() + " s");
		}
	}

	private void requireDeadLetterTopic(String topic) {
		Set<String> topics = topics();
		if (!topics.contains(topic)) {
			throw new IllegalArgumentException("No dead-letter topic " + topic + "; there are " + topics);
		}
	}

	private KafkaConsumer<byte[], byte[]> consumer() {
		return new KafkaConsumer<>(this.consumerConfiguration, new ByteArrayDeserializer(),
				new ByteArrayDeserializer());
	}

	private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
		List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
		return infos.stream().map((info) -> new TopicPartition(topic, info.partition())).toList();
	}

	private static boolean caughtUp(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
			Map<TopicPartition, Long> ends) {
		return partitions.stream().allMatch((p) -> consumer.position(p) >= ends.get(p));
	}

	private static DeadLetter letter(ConsumerRecord<byte[], byte[]> record) {
		String attempts = header(record, DeadLetterHandling.ATTEMPTS_HEADER);
		String originalPartition = header(record, KafkaHeaders.DLT_ORIGINAL_PARTITION);
		String originalOffset = header(record, KafkaHeaders.DLT_ORIGINAL_OFFSET);
		return new DeadLetter(record.topic(), record.partition(), record.offset(),
				Instant.ofEpochMilli(record.timestamp()),
				(record.key() != null) ? new String(record.key(), StandardCharsets.UTF_8) : null,
				(record.value() != null) ? record.value().length : 0, header(record, DeadLetterHandling.STAGE_HEADER),
				header(record, DeadLetterHandling.ERROR_HEADER), (attempts != null) ? Integer.valueOf(attempts) : null,
				header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC),
				(originalPartition != null) ? Integer.valueOf(originalPartition) : null,
				(originalOffset != null) ? Long.valueOf(originalOffset) : null);
	}

	/**
	 * A header as text. Spring Kafka writes the original partition and offset as binary
	 * numbers; those are turned into digits.
	 */
	private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		if (header == null) {
			return null;
		}
		byte[] value = header.value();
		if (name.equals(KafkaHeaders.DLT_ORIGINAL_PARTITION) && value.length == Integer.BYTES) {
			return Integer.toString(java.nio.ByteBuffer.wrap(value).getInt());
		}
		if (name.equals(KafkaHeaders.DLT_ORIGINAL_OFFSET) && value.length == Long.BYTES) {
			return Long.toString(java.nio.ByteBuffer.wrap(value).getLong());
		}
		return new String(value, StandardCharsets.UTF_8);
	}

	private static IllegalStateException unavailable(Exception ex) {
		if (ex instanceof InterruptedException) {
			Thread.currentThread().interrupt();
		}
		return new IllegalStateException("Kafka did not answer: " + ex.getMessage(), ex);
	}

	@Override
	public void close() {
		this.producer.close(Duration.ofSeconds(2));
	}

}
