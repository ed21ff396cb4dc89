package io.pressline.publish.stream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.pressline.platform.kafka.KafkaClients;
import io.pressline.publish.PublishProperties;

/**
 * The Server-Sent Events streams of publication events, each read by its own consumer.
 */
@Configuration(proxyBeanMethods = false)
class StreamConfiguration {

	@Bean(destroyMethod = "close")
	EventStreams eventStreams(PublishProperties properties, KafkaClients clients) {
		PublishProperties.Streams streams = properties.streams();
		return new EventStreams(clients, streams.maxOpen(), streams.timeout(), streams.heartbeat());
	}

}
