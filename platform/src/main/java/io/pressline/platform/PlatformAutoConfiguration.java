package io.pressline.platform;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;
import tools.jackson.databind.json.JsonMapper;

import io.pressline.platform.cloudevents.CloudEventHeaders;
import io.pressline.platform.cloudevents.CloudEventSettings;
import io.pressline.platform.deadletter.DeadLetterController;
import io.pressline.platform.draft.DraftRequests;
import io.pressline.platform.draft.DraftSettings;
import io.pressline.platform.deadletter.CaughtUpOffsets;
import io.pressline.platform.deadletter.DeadLetterHandling;
import io.pressline.platform.deadletter.DeadLetteredRecords;
import io.pressline.platform.batch.BatchConsumerSettings;
import io.pressline.platform.batch.BatchSettings;
import io.pressline.platform.batch.RecordBatches;
import io.pressline.platform.deadletter.DeadLetters;
import io.pressline.platform.health.KafkaBrokerHealthIndicator;
import io.pressline.platform.kafka.BindingRecords;
import io.pressline.platform.kafka.KafkaClients;
import io.pressline.platform.kafka.SerdeSettings;
import io.pressline.platform.metrics.KafkaBacklog;
import io.pressline.platform.status.StageReporter;
import io.pressline.platform.web.DraftProblems;

/** Beans every Pressline service gets from depending on the platform. */
@AutoConfiguration
@EnableConfigurationProperties({ PipelineTopics.class, DraftSettings.class, OperationsSettings.class,
		BatchSettings.class, CloudEventSettings.class, SerdeSettings.class })
@Import({ DraftProblems.class, DeadLetterController.class })
public class PlatformAutoConfiguration {

	/**
	 * Creates any missing pipeline topic when the service starts; on existing ones, sets
	 * the settings that differ ({@code spring.kafka.admin.modify-topic-configs}), so a
	 * cluster made by an older release takes records as large as this one sends.
	 */
	@Bean
	KafkaAdmin.NewTopics pipelineTopics(PipelineTopics topics) {
		return new KafkaAdmin.NewTopics(topics.all()
			.stream()
			.map((spec) -> topics.newTopic(spec.name(), spec.compacted()))
			.toArray(NewTopic[]::new));
	}

	/**
	 * Reads drafts from requests under the one body limit; refuses to start with a limit
	 * the pipeline's records could not carry (the article would be accepted, then stop at
	 * enrichment or publication).
	 */
	@Bean
	DraftRequests draftRequests(DraftSettings drafts, PipelineTopics topics, JsonMapper jsonMapper) {
		topics.requireRoomFor(drafts.maxBodySize(), DraftSettings.MAX_BODY_SIZE);
		return new DraftRequests(drafts.maxBodySize().toBytes(), jsonMapper);
	}

	/**
	 * The title and description of the service's OpenAPI document ({@code /v3/api-docs},
	 * shown at {@code /swagger-ui.html}), from {@code spring.application.name} and
	 * {@code pressline.api.description}.
	 */
	@Bean
	OpenAPI presslineApi(Environment environment) {
		String service = environment.getProperty("spring.application.name", "service");
		return new OpenAPI().info(new Info().title("Pressline " + service)
			.version(java.util.Objects.requireNonNullElse(getClass().getPackage().getImplementationVersion(),
					"development"))
			.description(environment.getProperty("pressline.api.description")));
	}

	/**
	 * The {@code kafka} health component, which the readiness probe includes (see
	 * {@code pressline-defaults.yml}).
	 */
	@Bean
	KafkaBrokerHealthIndicator kafkaHealthIndicator(AdminClient presslineAdminClient, OperationsSettings settings) {
		return new KafkaBrokerHealthIndicator(presslineAdminClient, settings.health().brokerTimeout());
	}

	/**
	 * One admin client for the health check, the backlog metrics and the dead letters;
	 * each call sets its own timeout.
	 */
	@Bean(destroyMethod = "close")
	AdminClient presslineAdminClient(KafkaAdmin admin) {
		return AdminClient.create(admin.getConfigurationProperties());
	}

	/**
	 * Retries with the binding's back-off, then the binding's dead-letter topic with
	 * headers naming stage, error and attempts.
	 */
	@Bean
	DeadLetterHandling deadLetterHandling(KafkaProperties kafka, DeadLetteredRecords deadLettered,
			CaughtUpOffsets caughtUpOffsets) {
		return new DeadLetterHandling(kafka.buildProducerProperties(), deadLettered, caughtUpOffsets);
	}

	/** Moves idle consumers' offsets past the commit markers, so no lag shows. */
	@Bean
	CaughtUpOffsets caughtUpOffsets() {
		return new CaughtUpOffsets();
	}

	@Bean
	DeadLetteredRecords deadLetteredRecords() {
		return new DeadLetteredRecords();
	}

	/**
	 * The records of a poll, one at a time, for the stages whose input binding reads in
	 * batches (one transaction per batch).
	 */
	@Bean
	RecordBatches recordBatches(ObjectProvider<ObservationRegistry> observations, DeadLetteredRecords deadLettered) {
		return new RecordBatches(observations.getIfAvailable(() -> ObservationRegistry.NOOP), deadLettered);
	}

	/** The batch size and linger of {@code pressline.batch} on bindings in batch mode. */
	@Bean
	BatchConsumerSettings batchConsumerSettings(BatchSettings settings,
			ObjectProvider<BindingServiceProperties> bindings) {
		return new BatchConsumerSettings(settings, bindings);
	}

	@Bean
	DeadLetters deadLetters(AdminClient presslineAdminClient, KafkaProperties kafka) {
		return new DeadLetters(presslineAdminClient, kafka.buildAdminProperties());
	}

	/**
	 * Settings for the clients a service makes beside the binder's, with its security.
	 */
	@Bean
	KafkaClients kafkaClients(KafkaProperties kafka) {
		return new KafkaClients(kafka);
	}

	/**
	 * The CloudEvents headers of the records a service writes, with the content type its
	 * value serializer declares.
	 */
	@Bean
	CloudEventHeaders cloudEventHeaders(CloudEventSettings settings, KafkaProperties kafka) {
		return CloudEventHeaders.forProducer(settings.source(), kafka.buildProducerProperties());
	}

	/**
	 * The records of the output bindings: straight to the producer of the binder's
	 * transaction where one is open, through {@code StreamBridge} elsewhere.
	 */
	@Bean
	BindingRecords bindingRecords(BinderFactory binders, StreamBridge streamBridge, BindingServiceProperties bindings,
			ApplicationContext context, Environment environment) {
		return new BindingRecords(binders, streamBridge, bindings, context,
				environment.getProperty("spring.cloud.stream.kafka.binder.enable-observation", Boolean.class, false));
	}

	@Bean
	StageReporter stageReporter(BindingRecords records, MeterRegistry registry) {
		return new StageReporter(records, registry);
	}

	/**
	 * Consumer lag per group and partition, and dead letters per topic, as metrics: the
	 * groups are those of this service's input bindings.
	 */
	@Bean
	KafkaBacklog kafkaBacklog(AdminClient presslineAdminClient, BindingServiceProperties bindings,
			OperationsSettings settings) {
		return new KafkaBacklog(presslineAdminClient,
				() -> bindings.getBindings()
					.values()
					.stream()
					.map(BindingProperties::getGroup)
					.filter((group) -> group != null && !group.isBlank())
					.collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)),
				settings.metrics().backlogInterval());
	}

}
