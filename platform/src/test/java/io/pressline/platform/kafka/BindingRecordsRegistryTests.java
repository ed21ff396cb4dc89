package io.pressline.platform.kafka;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.pressline.event.ArticleStage;
import io.pressline.event.ArticleStatus;
import io.pressline.event.serde.AvroEventDeserializer;
import io.pressline.event.serde.EventSchemas;
import io.pressline.event.serde.StubSchemaRegistry;
import io.pressline.event.serde.WireFormat;
import io.pressline.platform.transaction.BinderTransactions;
import io.pressline.testing.KafkaTest;
import io.pressline.testing.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code pressline.serde.format=registry}, a record written straight to the
 * transaction's producer is framed for the registry, its schema registered under the
 * topic's subject, as the binder's records are: the producer's own serializer writes it.
 */
@KafkaTest
@SpringBootTest(classes = BindingRecordsRegistryTests.Writer.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.application.name=binding-records-registry-test",
				"spring.config.import=classpath:pressline-transactions.yml", "pressline.serde.format=registry",
				"spring.cloud.stream.output-bindings=out",
				"spring.cloud.stream.bindings.out.destination=" + BindingRecordsRegistryTests.OUT })
@DirtiesContext
class BindingRecordsRegistryTests {

	static final String OUT = "test.binding-records.registry";

	private static final StubSchemaRegistry registry = StubSchemaRegistry.start();

	@Autowired
	private BindingRecords records;

	@Autowired
	private BinderFactory binders;

	@DynamicPropertySource
	static void registryUrl(DynamicPropertyRegistry properties) {
		properties.add("pressline.serde.registry-url", registry::url);
	}

	@AfterAll
	static void stopRegistry() {
		registry.close();
	}

	@Test
	void aRecordWrittenInATransactionIsFramedForTheRegistry() {
		String article = UUID.randomUUID().toString();
		ArticleStatus status = ArticleStatus.newBuilder()
			.setArticleId(article)
			.setVersion(1)
			.setStage(ArticleStage.PUBLISHED)
			.setService("test")
			.setSubmittedAt(Instant.EPOCH)
			.setOccurredAt(Instant.EPOCH)
			.build();
		new BinderTransactions(this.binders)
			.executeWithoutResult((transaction) -> this.records.send("out", article, status, Map.of()));

		try (TopicProbe<byte[]> out = TopicProbe.on(OUT, new ByteArrayDeserializer())) {
			ConsumerRecord<String, byte[]> record = out.await((r) -> article.equals(r.key()), Duration.ofSeconds(60));
			ByteBuffer value = ByteBuffer.wrap(record.value());
			assertThat(value.get()).as("the registry framing's magic byte").isZero();
			int id = value.getInt();
			assertThat(registry.registeredUnder(OUT + "-value")).isTrue();
			assertThat(registry.schemas().get(id - 1)).isEqualTo(status.getSchema().toString());
			SpecificRecord read = AvroEventDeserializer
				.configuredBy(Map.of(WireFormat.REGISTRY_URL_CONFIG, registry.url()))
				.deserialize(OUT, record.value());
			assertThat(read).isEqualTo(status);
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Writer {

		static {
			EventSchemas.trust();
		}

	}

}
