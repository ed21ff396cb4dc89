package io.pressline.publish.asyncapi;

import java.util.Objects;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.pressline.platform.PipelineTopics;
import io.pressline.platform.cloudevents.CloudEventHeaders;
import io.pressline.publish.PublishProperties;

/**
 * The AsyncAPI document of the pipeline's topics at {@value #PATH}, made once at start
 * from the configuration this instance runs with; {@code /asyncapi.html} shows it.
 */
@Configuration(proxyBeanMethods = false)
class AsyncApiConfiguration {

	static final String PATH = "/asyncapi.json";

	@Bean
	AsyncApiDocument asyncApiDocument(PipelineTopics topics, PublishProperties publish, CloudEventHeaders cloudEvents,
			KafkaProperties kafka) {
		return new AsyncApiDocument(topics, TopicCatalogue.of(topics, publish), cloudEvents,
				String.join(",", kafka.getBootstrapServers()), Objects.requireNonNullElse(
						AsyncApiConfiguration.class.getPackage().getImplementationVersion(), "development"));
	}

	@Bean
	AsyncApiController asyncApiController(AsyncApiDocument document) {
		return new AsyncApiController(document.toJson());
	}

	@RestController
	static class AsyncApiController {

		private final String json;

		AsyncApiController(String json) {
			this.json = json;
		}

		@GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
		String document() {
			return this.json;
		}

	}

}
