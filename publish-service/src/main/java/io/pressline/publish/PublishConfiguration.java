package io.pressline.publish;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import io.pressline.platform.PipelineTopics;
import io.pressline.platform.transaction.BinderTransactions;

/**
 * What publish-service's features share: its settings, the clock and the section topics.
 * Each feature wires itself in its own package: publication ({@code publication}), the
 * read side ({@code archive}), webhooks ({@code delivery}), feeds ({@code feed}) and
 * event streams ({@code stream}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublishProperties.class)
class PublishConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * Kafka transactions for work that starts from no record: an embargo's release, a
	 * webhook's dead letter.
	 */
	@Bean
	BinderTransactions binderTransactions(BinderFactory binders) {
		return new BinderTransactions(binders);
	}

	/** One topic per configured section, created like the pipeline's own. */
	@Bean
	KafkaAdmin.NewTopics sectionTopics(PublishProperties properties, PipelineTopics topics) {
		return new KafkaAdmin.NewTopics(properties.sections()
			.stream()
			.map((section) -> topics.newTopic(properties.sectionTopic(section), false))
			.toArray(NewTopic[]::new));
	}

}
