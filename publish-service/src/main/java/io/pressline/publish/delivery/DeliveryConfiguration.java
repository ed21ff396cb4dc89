package io.pressline.publish.delivery;

import java.net.http.HttpClient;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import java.time.Clock;

import io.pressline.event.ArticlePublished;
import io.pressline.event.serde.AvroEventDeserializer;
import io.pressline.platform.PipelineTopics;
import io.pressline.platform.kafka.KafkaClients;
import io.pressline.platform.transaction.BinderTransactions;
import io.pressline.publish.PublishProperties;

/**
 * Delivery to sites that are not on Kafka: the {@code webhooks} consumer of
 * {@code articles.published} (its own group) posts each event to the sites that take it,
 * with retries, a delivery log and dead letters.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

	@Bean
	KafkaAdmin.NewTopics webhookDeadLetterTopic(PublishProperties properties, PipelineTopics topics) {
		return new KafkaAdmin.NewTopics(topics.newTopic(properties.webhooks().deadLetterTopic(), false));
	}

	@Bean
	DeliveryLog deliveryLog(PublishProperties properties, MeterRegistry registry) {
		return new DeliveryLog(properties.webhooks().logSize(),
				(attempt) -> Counter.builder("pressline.webhook.deliveries")
					.description("Webhook delivery attempts by site and outcome")
					.tag("site", attempt.site())
					.tag("outcome", attempt.outcome().name())
					.register(registry)
					.increment());
	}

	@Bean(destroyMethod = "close")
	WebhookDelivery webhookDelivery(PublishProperties properties, DeliveryLog deliveryLog, StreamBridge streamBridge,
			BinderTransactions transactions, Clock clock) {
		PublishProperties.Webhooks settings = properties.webhooks();
		HttpClient http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
		WebhookDelivery.DeadLetters deadLetters = (site, event, attempts, error) -> {
			Message<ArticlePublished> letter = MessageBuilder.withPayload(event)
				.setHeader(KafkaHeaders.KEY, event.getArticleId())
				.setHeader("pressline-site", site.name())
				.setHeader("pressline-attempts", Integer.toString(attempts))
				.setHeader("pressline-error", error)
				.build();
			// Sent from a delivery worker, outside the record's transaction: in one of
			// its own.
			transactions.executeWithoutResult((transaction) -> {
				if (!streamBridge.send(settings.deadLetterTopic(), letter)) {
					throw new IllegalStateException("The dead letter of article " + event.getArticleId() + " for "
							+ site.name() + " was not written");
				}
			});
		};
		return new WebhookDelivery(properties.webhookSites(), http, settings.retry(), deliveryLog, deadLetters, clock);
	}

	/**
	 * Delivers every publication event to the sites that take it by webhook; the offset
	 * is committed once each site has it or it is dead-lettered. The binding reads the
	 * records' bytes: with no site configured they are not even decoded (the load profile
	 * showed the decoding of every event a second time as a cost of its own).
	 */
	@Bean
	Consumer<byte[]> webhooks(WebhookDelivery delivery, PipelineTopics topics, KafkaClients clients) {
		AvroEventDeserializer events = clients.events();
		return (record) -> {
			if (delivery.hasSites()
					&& events.deserialize(topics.published(), record) instanceof ArticlePublished event) {
				delivery.deliver(event);
			}
		};
	}

}
