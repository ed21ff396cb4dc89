package io.pressline.kafka.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalKafkaTests {

	@Test
	void aRecordProducedIsConsumedBack() throws Exception {
		try (LocalKafka kafka = LocalKafka.builder().start()) {
			try (KafkaProducer<String, String> producer = producer(kafka)) {
				producer.send(new ProducerRecord<>("desk", "a1", "first draft")).get();
			}
			assertThat(consumeOne(kafka, "desk")).isEqualTo("first draft");
		}
	}

	@Test
	void dataSurvivesARestartInTheSameDirectory(@TempDir Path directory) throws Exception {
		try (LocalKafka kafka = LocalKafka.builder().dataDirectory(directory).start()) {
			try (KafkaProducer<String, String> producer = producer(kafka)) {
				producer.send(new ProducerRecord<>("archive", "a1", "kept")).get();
			}
		}
		try (LocalKafka kafka = LocalKafka.builder().dataDirectory(directory).start()) {
			assertThat(consumeOne(kafka, "archive")).isEqualTo("kept");
		}
	}

	@Test
	void aTemporaryDirectoryIsDeletedOnClose() {
		LocalKafka kafka = LocalKafka.builder().start();
		Path directory = kafka.dataDirectory();
		assertThat(directory).exists();

		kafka.close();

		assertThat(Files.exists(directory)).isFalse();
	}

	@Test
	void aTakenPortIsReportedClearly() {
		try (LocalKafka first = LocalKafka.builder().start()) {
			int taken = Integer.parseInt(first.bootstrapServers().split(":")[1]);

			assertThatThrownBy(() -> LocalKafka.builder().port(taken).start()).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("Port " + taken + " is already in use");
		}
	}

	@Test
	void createsTopicsWithTheRequestedPartitions() throws Exception {
		try (LocalKafka kafka = LocalKafka.builder().start();
				Admin admin = Admin
					.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic("articles.x", 3, (short) 1))).all().get();

			assertThat(admin.describeTopics(Set.of("articles.x")).allTopicNames().get().get("articles.x").partitions())
				.hasSize(3);
		}
	}

	/**
	 * A node of three stopped without handing over (as a crash would) and started again:
	 * the other two take writes meanwhile, and it comes back in sync.
	 */
	@Test
	void aStoppedNodeStartsAgainAndCatchesUp() throws Exception {
		try (LocalKafka kafka = LocalKafka.builder()
			.nodes(3)
			.brokerProperty("min.insync.replicas", 2)
			.brokerProperty("controlled.shutdown.enable", false)
			.start();
				Admin admin = Admin
					.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic("wire", 3, (short) 3))).all().get();
			kafka.stopNode(1);
			assertThat(kafka.running(1)).isFalse();
			try (KafkaProducer<String, String> producer = new KafkaProducer<>(
					Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
							ProducerConfig.ACKS_CONFIG, "all"),
					new StringSerializer(), new StringSerializer())) {
				producer.send(new ProducerRecord<>("wire", "a1", "while one node is down")).get();
			}

			kafka.startNode(1);

			assertThat(kafka.running(1)).isTrue();
			org.awaitility.Awaitility.await()
				.atMost(Duration.ofSeconds(60))
				.until(() -> admin.describeTopics(Set.of("wire"))
					.allTopicNames()
					.get()
					.get("wire")
					.partitions()
					.stream()
					.allMatch((partition) -> partition.isr().size() == 3));
			assertThat(consumeOne(kafka, "wire")).isEqualTo("while one node is down");
		}
	}

	private static KafkaProducer<String, String> producer(LocalKafka kafka) {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
				new StringSerializer(), new StringSerializer());
	}

	private static String consumeOne(LocalKafka kafka, String topic) {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "test-" + topic, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
						"earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (System.nanoTime() < deadline) {
				ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
				if (!records.isEmpty()) {
					return records.iterator().next().value();
				}
			}
			throw new AssertionError("Nothing arrived on " + topic + " within 30 s");
		}
	}

}
