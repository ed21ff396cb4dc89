package io.pressline.publish;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import io.pressline.event.ArticleEnriched;
import io.pressline.event.ArticlePublished;
import io.pressline.event.serde.AvroEventDeserializer;
import io.pressline.platform.PipelineTopics;
import io.pressline.platform.status.StageReporter;
import io.pressline.publish.archive.PublishedArticles;
import io.pressline.publish.delivery.DeliveryLog;
import io.pressline.publish.delivery.WebhookDelivery;
import io.pressline.publish.feed.Feeds;
import io.pressline.publish.stream.EventStreams;
import io.pressline.publish.desk.Editions;
import io.pressline.publish.desk.EditorialDesk;
import io.pressline.publish.hold.HeldArticles;

/**
 * {@code articles.enriched} → {@code publish} → {@code articles.published}, keyed by
 * article id, with the compacted {@code articles.latest}, the per-section topics and the
 * held versions beside it. The desk decides, the {@link Publisher} carries out; this
 * class only wires them to Kafka.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublishProperties.class)
class PublishConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	EditorialDesk editorialDesk(PublishProperties properties) {
		return new EditorialDesk(properties.rules());
	}

	@Bean
	Editions editions(PublishProperties properties) {
		return new Editions(properties.baseUrl());
	}

	@Bean(destroyMethod = "close")
	HeldArticles heldArticles(Clock clock) {
		return new HeldArticles(clock, Duration.ofSeconds(2));
	}

	@Bean
	BinderTransactions binderTransactions(BinderFactory binders) {
		return new BinderTransactions(binders);
	}

	@Bean
	Publisher publisher(EditorialDesk desk, Editions editions, PublishedArticles archive, HeldArticles held,
			StageReporter stages, StreamBridge streamBridge, PipelineTopics topics, PublishProperties properties,
			Clock clock, BinderTransactions transactions, MeterRegistry registry) {
		return new Publisher(desk, editions, archive, held, stages, streamBridge, topics, properties, clock,
				transactions, registry);
	}

	/**
	 * One topic per configured section, and the webhooks' dead letters, created like the
	 * pipeline's own.
	 */
	@Bean
	KafkaAdmin.NewTopics publishTopics(PublishProperties properties, PipelineTopics topics) {
		List<String> names = new ArrayList<>(properties.sections().stream().map(properties::sectionTopic).toList());
		names.add(properties.webhooks().deadLetterTopic());
		return new KafkaAdmin.NewTopics(
				names.stream().map((name) -> topics.newTopic(name, false)).toArray(NewTopic[]::new));
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
	Consumer<byte[]> webhooks(WebhookDelivery delivery, PipelineTopics topics) {
		AvroEventDeserializer events = new AvroEventDeserializer();
		return (record) -> {
			if (delivery.hasSites()
					&& events.deserialize(topics.published(), record) instanceof ArticlePublished event) {
				delivery.deliver(event);
			}
		};
	}

	@Bean
	Feeds feeds(PublishProperties properties) {
		return new Feeds(properties.baseUrl());
	}

	@Bean(destroyMethod = "close")
	EventStreams eventStreams(PublishProperties properties, KafkaProperties kafka) {
		PublishProperties.Streams streams = properties.streams();
		return new EventStreams(String.join(",", kafka.getBootstrapServers()), streams.maxOpen(), streams.timeout(),
				streams.heartbeat());
	}

	@Bean
	Function<Message<ArticleEnriched>, Message<ArticlePublished>> publish(Publisher publisher) {
		return (message) -> publisher.handle(message.getPayload())
			.map((event) -> StageReporter.keyed(event.getArticleId(), event))
			.orElse(null);
	}

	/**
	 * Rebuilds what has been published from {@code articles.latest}; a tombstone removes
	 * a retracted article.
	 */
	@Bean
	Consumer<Message<Object>> latestArticles(PublishedArticles archive) {
		return (message) -> {
			if (message.getPayload() instanceof ArticlePublished article) {
				archive.record(article);
			}
			else {
				archive.forget(key(message));
			}
		};
	}

	/**
	 * Rebuilds the held versions from {@code articles.held}, so embargoes survive a
	 * restart; a tombstone ends a hold.
	 */
	@Bean
	Consumer<Message<Object>> heldVersions(HeldArticles held) {
		return (message) -> {
			if (message.getPayload() instanceof ArticleEnriched version) {
				held.learn(version);
			}
			else {
				held.forget(key(message));
			}
		};
	}

	private static String key(Message<?> message) {
		Object key = message.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
		return (key instanceof byte[] bytes) ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(key);
	}

}
