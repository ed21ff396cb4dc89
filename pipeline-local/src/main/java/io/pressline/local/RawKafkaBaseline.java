package io.pressline.local;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The physical limit on this machine: the same number of records, of the size of a draft,
 * copied through three topics by two plain consumer-producer loops that do no work at
 * all, with the pipeline's producer guarantee ({@code acks=all}). What the pipeline
 * without NLP achieves is compared with this.
 */
final class RawKafkaBaseline {

	private static final String SENT_AT = "load-sent-at";

	private RawKafkaBaseline() {
	}

	static LoadRun.Result measure(String bootstrapServers, int count, int recordBytes, int partitions) {
		String run = "load.raw." + System.currentTimeMillis();
		List<String> topics = List.of(run + ".1", run + ".2", run + ".3");
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			admin.createTopics(topics.stream().map((t) -> new NewTopic(t, partitions, (short) 1)).toList()).all().get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot create the baseline's topics: " + ex.getMessage(), ex);
		}
		AtomicBoolean running = new AtomicBoolean(true);
		Histogram latency = new Histogram(Duration.ofMinutes(10).toMillis() * 1000, 3);
		AtomicLong arrived = new AtomicLong();
		AtomicLong last = new AtomicLong();
		KafkaConsumer<String, byte[]> sink = consumer(bootstrapServers, topics.get(2));
		Thread sinkThread = new Thread(() -> {
			try (sink) {
				while (running.get()) {
					for (ConsumerRecord<String, byte[]> record : sink.poll(Duration.ofMillis(50))) {
						long now = System.nanoTime();
						long sentAt = ByteBuffer.wrap(record.headers().lastHeader(SENT_AT).value()).getLong();
						synchronized (latency) {
							latency.recordValue((now - sentAt) / 1000);
						}
						arrived.incrementAndGet();
						last.set(now);
					}
				}
			}
		}, "load-raw-sink");
		sinkThread.setDaemon(true);
		sinkThread.start();
		List<Thread> threads = List.of(copier(bootstrapServers, topics.get(0), topics.get(1), running),
				copier(bootstrapServers, topics.get(1), topics.get(2), running), sinkThread);
		byte[] payload = new byte[recordBytes];
		long start;
		try (KafkaProducer<String, byte[]> producer = producer(bootstrapServers);
				LoadProgress progress = new LoadProgress(System.out, "raw Kafka, 3 topics", count, () -> count,
						arrived::get)) {
			start = System.nanoTime();
			for (int i = 0; i < count; i++) {
				ProducerRecord<String, byte[]> record = new ProducerRecord<>(topics.get(0), "article-" + i, payload);
				record.headers().add(SENT_AT, ByteBuffer.allocate(8).putLong(System.nanoTime()).array());
				producer.send(record);
			}
			producer.flush();
			long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
			while (arrived.get() < count && System.nanoTime() < deadline) {
				java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
			}
		}
		finally {
			running.set(false);
		}
		for (Thread thread : threads) {
			try {
				thread.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		double seconds = (last.get() - start) / 1e9;
		return new LoadRun.Result("raw Kafka, 3 topics", arrived.get(), count - arrived.get(), 0,
				arrived.get() / seconds, latency, Map.of(), Map.of());
	}

	private static Thread copier(String bootstrapServers, String from, String to, AtomicBoolean running) {
		KafkaConsumer<String, byte[]> consumer = consumer(bootstrapServers, from);
		KafkaProducer<String, byte[]> producer = producer(bootstrapServers);
		Thread thread = new Thread(() -> {
			try (consumer; producer) {
				while (running.get()) {
					for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
						producer.send(new ProducerRecord<>(to, null, record.key(), record.value(), record.headers()));
					}
				}
			}
		}, "load-copy-" + from);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	private static KafkaConsumer<String, byte[]> consumer(String bootstrapServers, String topic) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "load-raw-" + topic);
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new ByteArrayDeserializer());
		consumer.subscribe(List.of(topic));
		while (consumer.assignment().isEmpty()) {
			consumer.poll(Duration.ofMillis(100));
		}
		return consumer;
	}

	private static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
		return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
	}

}
