package io.pressline.platform;

import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;

import io.pressline.platform.status.StageReporter;
import io.pressline.platform.web.DraftProblems;

/** Beans every Pressline service gets from depending on the platform. */
@AutoConfiguration
@EnableConfigurationProperties(PipelineTopics.class)
@Import(DraftProblems.class)
public class PlatformAutoConfiguration {

	/**
	 * Creates any missing pipeline topic when the service starts; existing ones are left
	 * as they are.
	 */
	@Bean
	KafkaAdmin.NewTopics pipelineTopics(PipelineTopics topics) {
		return new KafkaAdmin.NewTopics(topics.all()
			.stream()
			.map((spec) -> new NewTopic(spec.name(), topics.partitions(), topics.replicationFactor())
				.configs(spec.compacted()
						? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT) : Map.of()))
			.toArray(NewTopic[]::new));
	}

	@Bean
	StageReporter stageReporter(StreamBridge streamBridge) {
		return new StageReporter(streamBridge);
	}

}
