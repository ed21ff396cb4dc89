package io.pressline.platform;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PresslineDefaultsTests {

	@Test
	void everyServiceGetsTheSharedKafkaSettingsAndTopicNames() {
		StandardEnvironment environment = new StandardEnvironment();

		new PresslineDefaults().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("pressline.topics.submitted")).isEqualTo("articles.submitted");
		assertThat(environment.getProperty("spring.kafka.producer.value-serializer"))
			.isEqualTo("io.pressline.event.serde.AvroEventSerializer");
		assertThat(environment.getProperty("spring.kafka.consumer.isolation-level")).isEqualTo("read-committed");
		assertThat(environment.getProperty("spring.cloud.stream.bindings.status.destination"))
			.isEqualTo("articles.status");
	}

	@Test
	void theSerdeSettingsReachTheClientsThatKafkaMakes() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("deployment", Map.of("pressline.serde.format", "registry",
					"pressline.serde.registry-url", "http://registry:8080/apis/ccompat/v7")));

		new PresslineDefaults().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("spring.kafka.producer.properties.pressline.serde.format"))
			.isEqualTo("registry");
		assertThat(environment.getProperty("spring.kafka.producer.properties.pressline.serde.registry-url"))
			.isEqualTo("http://registry:8080/apis/ccompat/v7");
		assertThat(environment.getProperty("spring.kafka.consumer.properties.pressline.serde.registry-url"))
			.isEqualTo("http://registry:8080/apis/ccompat/v7");
	}

	@Test
	void singleObjectAndNoRegistryByDefault() {
		StandardEnvironment environment = new StandardEnvironment();

		new PresslineDefaults().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("spring.kafka.producer.properties.pressline.serde.format"))
			.isEqualTo("single-object");
		assertThat(environment.getProperty("spring.kafka.consumer.properties.pressline.serde.registry-url")).isEmpty();
	}

	@Test
	void aServiceOrTheDeploymentOverridesTheDefaults() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("deployment", Map.of("spring.kafka.bootstrap-servers", "broker-1:9092",
					"pressline.topics.status", "newsroom.status")));

		new PresslineDefaults().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("broker-1:9092");
		assertThat(environment.getProperty("spring.cloud.stream.bindings.status.destination"))
			.isEqualTo("newsroom.status");
	}

	@Test
	void producersSendRecordsAsLargeAsTheTopicsTake() {
		StandardEnvironment defaults = new StandardEnvironment();
		new PresslineDefaults().postProcessEnvironment(defaults, new SpringApplication());
		assertThat(defaults.getProperty("spring.kafka.producer.properties.max.request.size")).isEqualTo("4194304");

		StandardEnvironment deployment = new StandardEnvironment();
		deployment.getPropertySources()
			.addFirst(new MapPropertySource("deployment", Map.of("pressline.topics.max-message-size", "8MB")));
		new PresslineDefaults().postProcessEnvironment(deployment, new SpringApplication());
		assertThat(deployment.getProperty("spring.kafka.producer.properties.max.request.size")).isEqualTo("8388608");
	}

	@Test
	void compactedTopicsAreTheOnesThatKeepTheLatestStatePerArticle() {
		PipelineTopics topics = new PipelineTopics("s", "e", "p", "l", "st", "ps", "r", "v", 3, (short) 1,
				DataSize.ofMegabytes(4));

		assertThat(topics.all()).filteredOn(PipelineTopics.TopicSpec::compacted)
			.extracting(PipelineTopics.TopicSpec::name)
			.containsExactly("l", "st", "ps");
	}

	@Test
	void everyTopicDeadLettersIncludedIsMadeToTakeRecordsUpToTheConfiguredSize() {
		PipelineTopics topics = new PipelineTopics("s", "e", "p", "l", "st", "ps", "r", "v", 3, (short) 1,
				DataSize.ofMegabytes(4));

		assertThat(topics.all()).extracting(PipelineTopics.TopicSpec::name)
			.containsExactlyInAnyOrder("s", "e", "p", "l", "st", "ps", "r", "s.dlq", "e.dlq");
		assertThat(topics.newTopic("st", true).configs()).containsEntry("max.message.bytes", "4194304")
			.containsEntry("cleanup.policy", "compact");
		assertThat(topics.newTopic("s.dlq", false).configs()).containsOnly(Map.entry("max.message.bytes", "4194304"));
	}

	@Test
	void aBodyLimitTheRecordsCannotCarryIsRefusedByName() {
		PipelineTopics topics = new PipelineTopics("s", "e", "p", "l", "st", "ps", "r", "v", 3, (short) 1,
				DataSize.ofMegabytes(4));

		topics.requireRoomFor(DataSize.ofKilobytes(512), "pressline.drafts.max-body-size");
		assertThatIllegalStateException()
			.isThrownBy(() -> topics.requireRoomFor(DataSize.ofMegabytes(1), "pressline.drafts.max-body-size"))
			.withMessageStartingWith("pressline.drafts.max-body-size (1048576 bytes) is too large for "
					+ "pressline.topics.max-message-size (4194304 bytes)");
	}

}
