package io.pressline.publish.asyncapi;

import java.util.Objects;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.pressline.platform.PipelineTopics;
import io.pressline.platform.cloudevents.CloudEventHeaders;
import io.pressline.publish.PublishProperties;

/**
 * The AsyncAPI document of the pipeline's topics, made once at start from the
 * configuration this instance runs with, served by {@link AsyncApiController}.
 */
@Configuration(proxyBeanMethods = false)
class AsyncApiConfiguration {

	@Bean
	AsyncApiDocument asyncApiDocument(PipelineTopics topics, PublishProperties publish, CloudEventHeaders cloudEvents,
			KafkaProperties kafka) {
		return new AsyncApiDocument(topics, TopicCatalogue.of(topics, publish), cloudEvents,
				String.join(",", kafka.getBootstrapServers()), Objects.requireNonNullElse(
						AsyncApiConfiguration.class.getPackage().getImplementationVersion(), "development"));
	}

}
