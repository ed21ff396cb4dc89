package io.pressline.ingest.version;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.pressline.event.ArticleVersion;
import io.pressline.event.serde.AvroEventDeserializer;
import io.pressline.event.serde.AvroEventSerializer;
import io.pressline.kafka.local.LocalKafka;
import io.pressline.testing.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A partition's writer on a broker of this test's own, which it stops between the records
 * of a transaction and their commit: a commit that Kafka does not confirm in time must
 * leave the writer usable once the broker is back. (Kafka's producer, after such a
 * commit, refuses every other call, even an abort, until the commit is asked for again; a
 * writer that kept it refused every later draft of its partition until the instance was
 * restarted, as the scale-out test found under load.)
 */
class TransactionalWriterTests {

	private static final String TOPIC = "writer-test";

	@Test
	void aCommitNotConfirmedInTimeIsAnUnavailablePipelineAndTheNextDraftIsWrittenOnceTheBrokerIsBack()
			throws Exception {
		try (LocalKafka kafka = LocalKafka.builder().start()) {
			String bootstrap = kafka.bootstrapServers();
			try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
				admin.createTopics(Set.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
			}
			AtomicBoolean stopAtTheNextCommit = new AtomicBoolean();
			try (TransactionalWriter writer = new TransactionalWriter("writer-test-0",
					(id) -> stoppingTheBrokerAtCommit(producer(bootstrap, id), stopAtTheNextCommit, kafka))) {
				writer.write(List.of(record("a", 1)));

				stopAtTheNextCommit.set(true);
				assertThatExceptionOfType(PipelineUnavailableException.class)
					.isThrownBy(() -> writer.write(List.of(record("a", 2))));

				kafka.startNode(0);
				await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
					try {
						writer.write(List.of(record("a", 3)));
						return true;
					}
					catch (PipelineUnavailableException ex) {
						// The broker is not back yet: nothing was written.
						return false;
					}
				});
			}
			try (TopicProbe<SpecificRecord> probe = TopicProbe.on(kafka.bootstrapServers(), TOPIC,
					new AvroEventDeserializer())) {
				List<Integer> versions = probe.readToEnd()
					.stream()
					.map(ConsumerRecord::value)
					.map((value) -> ((ArticleVersion) value).getVersion())
					.toList();
				// The draft whose commit never reached the broker was aborted by the next
				// producer with the id.
				assertThat(versions).containsExactly(1, 3);
			}
		}
	}

	private static ProducerRecord<String, SpecificRecord> record(String article, int version) {
		return new ProducerRecord<>(TOPIC, article,
				ArticleVersion.newBuilder()
					.setArticleId(article)
					.setVersion(version)
					.setRetracted(false)
					.setAssignedAt(Instant.now())
					.setAssignedBy("writer-test")
					.build());
	}

	/**
	 * The producer, except that when asked, it stops the broker as its transaction's
	 * records have reached it and before the commit is sent: the commit goes unanswered.
	 */
	@SuppressWarnings("unchecked")
	private static Producer<String, SpecificRecord> stoppingTheBrokerAtCommit(Producer<String, SpecificRecord> producer,
			AtomicBoolean stop, LocalKafka kafka) {
		InvocationHandler handler = (proxy, method, arguments) -> {
			if (method.getName().equals("commitTransaction") && stop.compareAndSet(true, false)) {
				producer.flush();
				kafka.stopNode(0);
			}
			try {
				return method.invoke(producer, arguments);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		};
		return (Producer<String, SpecificRecord>) Proxy.newProxyInstance(Producer.class.getClassLoader(),
				new Class<?>[] { Producer.class }, handler);
	}

	/** Settings as the service's own (VersionConfiguration), with shorter waits. */
	private static Producer<String, SpecificRecord> producer(String bootstrap, String transactionalId) {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId, ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000,
				ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 4000,
				ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 10000), new StringSerializer(), new AvroEventSerializer());
	}

}
