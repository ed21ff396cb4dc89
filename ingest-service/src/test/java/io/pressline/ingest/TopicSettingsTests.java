package io.pressline.ingest;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.pressline.testing.KafkaTest;
import io.pressline.testing.TestKafka;

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
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
			ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
			if (!admin.listTopics().names().get().contains(TOPIC)) {
				admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
			}
			// Kafka's default, as an older release left it.
			admin
				.incrementalAlterConfigs(
						Map.of(topic,
								List.of(new AlterConfigOp(new ConfigEntry("max.message.bytes", "1048588"),
										AlterConfigOp.OpType.SET))))
				.all()
				.get();

			try (ConfigurableApplicationContext ingest = new SpringApplicationBuilder(IngestApplication.class)
				.run("--server.port=0")) {
				assertThat(
						admin.describeConfigs(List.of(topic)).all().get().get(topic).get("max.message.bytes").value())
					.isEqualTo("4194304");
			}
		}
	}

	@Test
	void aBodyLimitTheRecordsCannotCarryStopsTheServiceNamingBothSettings() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(IngestApplication.class).run("--server.port=0",
				"--pressline.ingest.max-body-size=1MB"))
			.rootCause()
			.hasMessageStartingWith("pressline.ingest.max-body-size (1048576 bytes) is too large for "
					+ "pressline.topics.max-message-size (4194304 bytes)");
	}

}
