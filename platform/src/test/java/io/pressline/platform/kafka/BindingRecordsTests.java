package io.pressline.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

import io.pressline.event.ArticleStage;
import io.pressline.event.ArticleStatus;
import io.pressline.event.serde.AvroEventDeserializer;
import io.pressline.event.serde.AvroEventSerializer;
import io.pressline.event.serde.EventSchemas;
import io.pressline.platform.status.StageReporter;
import io.pressline.platform.transaction.BinderTransactions;
import io.pressline.testing.KafkaTest;
import io.pressline.testing.TestKafka;
import io.pressline.testing.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Records written straight to the binder's transactional producer belong to the
 * transaction open on the thread: a reader of committed data sees those of a transaction
 * that commits, with their headers as given, and never those of one that aborts. Both
 * kinds of transaction the services have: the one a listener container opens for what it
 * read, and one of {@link BinderTransactions} for work that starts from no record.
 */
@KafkaTest
@SpringBootTest(classes = BindingRecordsTests.Relay.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.application.name=binding-records-test",
				"spring.config.import=classpath:pressline-transactions.yml", "pressline.security.enabled=false",
				"spring.cloud.function.definition=relay", "spring.cloud.stream.output-bindings=out",
				"spring.cloud.stream.bindings.out.destination=" + BindingRecordsTests.OUT,
				"spring.cloud.stream.bindings.relay-in-0.destination=" + BindingRecordsTests.IN,
				"spring.cloud.stream.bindings.relay-in-0.group=binding-records-test" })
@DirtiesContext
class BindingRecordsTests {

	static final String IN = "test.binding-records.in";

	static final String OUT = "test.binding-records.out";

	/** A relayed status with this reason fails after its record was written. */
	static final String ABORT = "abort";

	private static final Duration WAIT = Duration.ofSeconds(60);

	@Autowired
	private BindingRecords records;

	@Autowired
	private BinderFactory binders;

	@Test
	void aRecordWrittenWhileARecordIsHandledCommitsWithItAndIsGoneWhenItsHandlingFails() throws Exception {
		// Both keyed alike, so read in order: the failing one is tried and rolled back
		// before the other is handled.
		String article = UUID.randomUUID().toString();
		input(status(article, 1, ABORT));
		input(status(article, 2, "commit"));

		try (TopicProbe<SpecificRecord> out = TopicProbe.on(OUT, new AvroEventDeserializer())) {
			ConsumerRecord<String, SpecificRecord> committed = out
				.await((r) -> article.equals(r.key()) && ((ArticleStatus) r.value()).getVersion() == 2, WAIT);
			assertThat(text(committed)).containsEntry("ce_id", article + ":2")
				.containsEntry("content-type", AvroEventSerializer.CONTENT_TYPE);
			assertThat(text(committed).keySet()).containsExactlyInAnyOrder("ce_id", "content-type", "traceparent");
			assertThat(committed.value()).isEqualTo(status(article, 2, "commit"));
			// The handling of version 1 failed every time: its records were aborted.
			assertThat(out.readToEnd()).noneMatch((r) -> article.equals(r.key()));
		}
	}

	@Test
	void aRecordWrittenInATransactionOfItsOwnIsSeenOnlyIfItCommits() throws Exception {
		BinderTransactions transactions = new BinderTransactions(this.binders);
		String aborted = UUID.randomUUID().toString();
		String committed = UUID.randomUUID().toString();
		assertThatIllegalStateException().isThrownBy(() -> transactions.executeWithoutResult((transaction) -> {
			send(status(aborted, 1, "aborted"));
			throw new IllegalStateException("the work fails after its record was written");
		}));
		transactions.executeWithoutResult((transaction) -> send(status(committed, 2, "committed")));

		try (TopicProbe<SpecificRecord> out = TopicProbe.on(OUT, new AvroEventDeserializer())) {
			ConsumerRecord<String, SpecificRecord> record = out
				.await((r) -> committed.equals(r.key()) && ((ArticleStatus) r.value()).getVersion() == 2, WAIT);
			assertThat(text(record)).containsEntry("ce_id", committed + ":2")
				.containsEntry("content-type", AvroEventSerializer.CONTENT_TYPE);
			// Written as given, and the trace context: nothing the binder's mapping adds.
			assertThat(text(record).keySet()).containsExactlyInAnyOrder("ce_id", "content-type", "traceparent");
			assertThat(out.readToEnd()).noneMatch((r) -> aborted.equals(r.key()));
		}
	}

	private void send(ArticleStatus status) {
		this.records.send("out", status.getArticleId(), status, headers(status));
	}

	static Map<String, Object> headers(ArticleStatus status) {
		return Map.of("ce_id", (status.getArticleId() + ":" + status.getVersion()).getBytes(StandardCharsets.UTF_8),
				"content-type", AvroEventSerializer.CONTENT_TYPE);
	}

	private static ArticleStatus status(String article, int version, String reason) {
		return ArticleStatus.newBuilder()
			.setArticleId(article)
			.setVersion(version)
			.setStage(ArticleStage.ENRICHED)
			.setService("test")
			.setReason(reason)
			.setSubmittedAt(Instant.EPOCH)
			.setOccurredAt(Instant.EPOCH)
			.build();
	}

	private static void input(ArticleStatus status) throws Exception {
		try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()), new StringSerializer(),
				new AvroEventSerializer())) {
			producer.send(new ProducerRecord<>(IN, status.getArticleId(), status)).get();
		}
	}

	private static Map<String, String> text(ConsumerRecord<String, ?> record) {
		Map<String, String> text = new TreeMap<>();
		for (Header header : record.headers()) {
			text.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
		}
		return text;
	}

	/** Relays each status read to {@code out}, failing after the write when told to. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Relay {

		static {
			EventSchemas.trust();
		}

		@Bean
		Consumer<ArticleStatus> relay(BindingRecords records) {
			return (status) -> {
				records.send("out", status.getArticleId(), status, headers(status));
				if (ABORT.equals(status.getReason())) {
					throw new IllegalStateException("the relay fails after its record was written");
				}
			};
		}

	}

}
