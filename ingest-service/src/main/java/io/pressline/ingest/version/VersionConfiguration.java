package io.pressline.ingest.version;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaAdmin;

import io.pressline.event.serde.AvroEventDeserializer;
import io.pressline.event.serde.AvroEventSerializer;
import io.pressline.ingest.IngestProperties;
import io.pressline.ingest.status.ArticleStatuses;
import io.pressline.ingest.store.InstanceStore;
import io.pressline.platform.PipelineTopics;

/**
 * The version topic, and the writers and readers that give versions their numbers. Every
 * Kafka client made here takes the same {@code spring.kafka.*} settings as the binder's
 * (the cluster, its security), with what a transactional writer needs on top.
 */
@Configuration(proxyBeanMethods = false)
class VersionConfiguration {

	/**
	 * How long an editor's write may wait on Kafka, as the binder's producers were set
	 * for the drafts before.
	 */
	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

	/**
	 * How long a transaction may stay open: the time a transaction of a crashed instance
	 * (of a new article) can hold up reading its partition of the version topic.
	 */
	private static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(10);

	/** Made compacted, like the other topics of the pipeline, when the service starts. */
	@Bean
	KafkaAdmin.NewTopics versionTopicDefinition(PipelineTopics topics, IngestProperties properties) {
		return new KafkaAdmin.NewTopics(topics.newTopic(properties.versions().topic(), true));
	}

	@Bean
	VersionTopic versionTopic(IngestProperties properties, AdminClient presslineAdminClient) {
		return new VersionTopic(properties.versions().topic(), presslineAdminClient, properties.versions().timeout());
	}

	@Bean
	SubmissionRecords submissionRecords(IngestProperties properties, PipelineTopics topics,
			ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		return new SubmissionRecords(properties.versions().topic(), topics.submitted(), properties.instanceId(),
				tracer.getIfAvailable(), propagator.getIfAvailable());
	}

	@Bean(destroyMethod = "close")
	VersionLedger versionLedger(InstanceStore store, IngestProperties properties, KafkaProperties kafka,
			AdminClient presslineAdminClient) {
		Map<String, Object> settings = kafka.buildConsumerProperties();
		settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
		settings.remove("spring.deserializer.value.delegate.class");
		settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
		settings.put(ConsumerConfig.CLIENT_ID_CONFIG, properties.instanceId() + "-version-ledger");
		return new VersionLedger(store, properties.versions().topic(),
				() -> new KafkaConsumer<>(settings, new StringDeserializer(),
						AvroEventDeserializer.configuredBy(settings)),
				presslineAdminClient, properties.versions().timeout());
	}

	@Bean(destroyMethod = "close")
	VersionSequencer versionSequencer(VersionTopic topic, VersionLedger ledger, SubmissionRecords records,
			ArticleStatuses statuses, IngestProperties properties, KafkaProperties kafka) {
		PartitionWriters writers = new PartitionWriters(properties.versions().sequencerPrefix() + "-versions-",
				producers(kafka, properties.instanceId()));
		return new VersionSequencer(topic, ledger, writers, records, statuses, properties.versions().attempts());
	}

	@Bean(destroyMethod = "close")
	NewArticleWriter newArticleWriter(VersionTopic topic, SubmissionRecords records, IngestProperties properties,
			KafkaProperties kafka) {
		PartitionWriters writers = new PartitionWriters(properties.instanceId() + "-new-articles-",
				producers(kafka, properties.instanceId()));
		return new NewArticleWriter(topic, writers, records, properties.versions().attempts());
	}

	@EventListener(ApplicationReadyEvent.class)
	void readVersionsAhead(ApplicationReadyEvent event) {
		event.getApplicationContext().getBean(VersionSequencer.class).warmUp();
	}

	/** Transactional producers with the binder's settings, one per transactional id. */
	private static Function<String, Producer<String, SpecificRecord>> producers(KafkaProperties kafka,
			String instanceId) {
		Map<String, Object> settings = kafka.buildProducerProperties();
		settings.put(ProducerConfig.ACKS_CONFIG, "all");
		settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis());
		settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis());
		settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) (2 * REQUEST_TIMEOUT.toMillis()));
		settings.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) TRANSACTION_TIMEOUT.toMillis());
		return (transactionalId) -> {
			Map<String, Object> mine = new java.util.HashMap<>(settings);
			mine.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
			mine.put(ProducerConfig.CLIENT_ID_CONFIG, instanceId + "-" + transactionalId);
			return new KafkaProducer<>(mine, new StringSerializer(), AvroEventSerializer.configuredBy(mine));
		};
	}

}
