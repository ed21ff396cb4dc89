package io.pressline.ingest;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.pressline.testing.KafkaTest;
import io.pressline.testing.TestTopics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The record size the service starts with, on the tests' broker: a topic made with a
 * smaller limit (by an older release, or by hand) takes the pipeline's once the service
 * has started, and a body limit the records could not carry stops the service at once.
 */
@KafkaTest
class TopicSettingsTests {

	/** One of the pipeline's topics, which every service makes. */
	private static final String TOPIC = "articles.enriched.dlq";

	@Test
	void aTopicWithASmallerRecordLimitTakesThePipelinesOnceTheServiceStarts() throws Exception {
		TestTopics.createIfAbsent(new NewTopic(TOPIC, 3, (short) 1));
		// Kafka's default, as an older release left it.
		TestTopics.set(TOPIC, "max.message.bytes", "1048588");

		try (ConfigurableApplicationContext ingest = new SpringApplicationBuilder(IngestApplication.class)
			.run("--server.port=0")) {
			assertThat(TestTopics.get(TOPIC, "max.message.bytes")).isEqualTo("4194304");
		}
	}

	@Test
	void aBodyLimitTheRecordsCannotCarryStopsTheServiceNamingBothSettings() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(IngestApplication.class).run("--server.port=0",
				"--pressline.drafts.max-body-size=1MB"))
			.rootCause()
			.hasMessageStartingWith("pressline.drafts.max-body-size (1048576 bytes) is too large for "
					+ "pressline.topics.max-message-size (4194304 bytes)");
	}

}
