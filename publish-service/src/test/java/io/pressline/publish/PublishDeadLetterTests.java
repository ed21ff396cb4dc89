package io.pressline.publish;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import io.pressline.event.serde.AvroEventDeserializer;
import io.pressline.testing.TestKafka;
import io.pressline.testing.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A version whose publication can never be written is given up on after its attempts,
 * transaction after transaction rolled back: it goes to the dead letters with the headers
 * operators read, none of its records is ever committed, and the versions behind it are
 * published.
 */
@ExtendWith(TestKafka.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "pressline.publish.sections=local,closed", "pressline.publish.default-section=local",
				"spring.cloud.stream.bindings.publish-in-0.consumer.max-attempts=3",
				"spring.cloud.stream.bindings.publish-in-0.consumer.back-off-initial-interval=100" })
@DirtiesContext
class PublishDeadLetterTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	/** The section whose topic takes no record as large as an article, ever. */
	private static final String CLOSED_TOPIC = "articles.published.closed";

	@BeforeAll
	static void createTheClosedSectionsTopic() throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
			if (!admin.listTopics().names().get().contains(CLOSED_TOPIC)) {
				admin
					.createTopics(List
						.of(new NewTopic(CLOSED_TOPIC, 3, (short) 1).configs(Map.of("max.message.bytes", "200"))))
					.all()
					.get();
			}
		}
	}

	@Test
	void aVersionThatCannotBeWrittenIsDeadLetteredWithItsHeadersAndTheRestFlow() throws Exception {
		String closed = UUID.randomUUID().toString();
		String open = UUID.randomUUID().toString();
		PublishFixtures.sendEnriched(PublishFixtures.draft(closed, 1).setSection("closed"));
		PublishFixtures.sendEnriched(PublishFixtures.draft(open, 1));

		try (TopicProbe<byte[]> deadLetters = TopicProbe.on("articles.enriched.dlq", new ByteArrayDeserializer());
				TopicProbe<SpecificRecord> published = TopicProbe.on("articles.published", new AvroEventDeserializer());
				TopicProbe<SpecificRecord> latest = TopicProbe.on("articles.latest", new AvroEventDeserializer())) {
			ConsumerRecord<String, byte[]> letter = deadLetters.await((r) -> closed.equals(r.key()), WAIT);
			assertThat(header(letter, "pressline-stage")).isEqualTo("publish-service");
			assertThat(header(letter, "pressline-attempts")).isEqualTo("3");
			assertThat(header(letter, "pressline-error")).contains("RecordTooLarge");
			assertThat(header(letter, "kafka_dlt-original-topic")).isEqualTo("articles.enriched");

			published.await((r) -> open.equals(r.key()), WAIT);
			assertThat(published.readToEnd()).noneMatch((r) -> closed.equals(r.key()));
			assertThat(latest.readToEnd()).noneMatch((r) -> closed.equals(r.key()));
		}
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		return (record.headers().lastHeader(name) != null)
				? new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8) : null;
	}

}
