package io.pressline.publish.publication;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.AdminClient;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import io.pressline.event.ArticleEnriched;
import io.pressline.platform.PipelineTopics;
import io.pressline.platform.batch.RecordBatches;
import io.pressline.platform.cloudevents.CloudEventHeaders;
import io.pressline.platform.kafka.BindingRecords;
import io.pressline.platform.kafka.KafkaClients;
import io.pressline.platform.status.StageReporter;
import io.pressline.platform.transaction.BinderTransactions;
import io.pressline.publish.PublishProperties;
import io.pressline.publish.edition.Editions;
import io.pressline.publish.embargo.EmbargoReleases;
import io.pressline.publish.embargo.EmbargoTimers;
import io.pressline.publish.ledger.PartitionOwnership;
import io.pressline.publish.ledger.PartitionRestore;
import io.pressline.publish.ledger.PublicationLedger;
import io.pressline.publish.ledger.StateRestorer;
import io.pressline.publish.rules.PublicationRules;

/**
 * Publication: {@code articles.enriched} and {@code articles.releases} → {@code publish}
 * → {@code articles.published}, its section topics, {@code articles.latest},
 * {@code articles.publish-state} and {@code articles.status}. The rules decide, the
 * {@link Publisher} writes the decision, against the {@link PublicationLedger} of the
 * partitions this instance owns.
 */
@Configuration(proxyBeanMethods = false)
class PublicationConfiguration {

	/** The publisher's input binding, whose partitions decide who decides. */
	static final String BINDING = "publish-in-0";

	static final String RELEASES = "releases";

	@Bean
	PublicationRules publicationRules(PublishProperties properties) {
		return new PublicationRules(properties.rules());
	}

	@Bean
	Editions editions(PublishProperties properties) {
		return new Editions(properties.baseUrl());
	}

	@Bean
	Publisher publisher(PublicationRules rules, Editions editions, Clock clock) {
		return new Publisher(rules, editions, clock);
	}

	@Bean(destroyMethod = "close")
	PublicationLedger publicationLedger(PublishProperties properties) {
		PublishProperties.Store store = properties.store();
		return new PublicationLedger(store.newDirectory("pressline-publication-state-"), store.cacheMegabytes());
	}

	/**
	 * A held version whose embargo ended goes to {@code articles.releases}, in a
	 * transaction of its own (the timer's thread has no record's).
	 */
	@Bean
	EmbargoReleases embargoReleases(StreamBridge bridge, BinderTransactions transactions) {
		return (held) -> transactions.executeWithoutResult((transaction) -> {
			if (!bridge.send(RELEASES, StageReporter.keyed(held.getSubmission().getArticleId(), held))) {
				throw new IllegalStateException(
						"Kafka did not take the release of article " + held.getSubmission().getArticleId());
			}
		});
	}

	@Bean(destroyMethod = "close")
	EmbargoTimers embargoTimers(PublicationLedger ledger, EmbargoReleases releases, Clock clock,
			MeterRegistry registry) {
		EmbargoTimers timers = new EmbargoTimers(ledger, releases, clock, Duration.ofSeconds(1));
		Gauge.builder("pressline.publish.embargoes", timers, EmbargoTimers::armed)
			.description("Embargoed versions waiting for their time on the partitions this instance owns")
			.register(registry);
		return timers;
	}

	@Bean
	PartitionRestore partitionRestore(KafkaClients clients, PipelineTopics topics, PublicationLedger ledger) {
		return new StateRestorer(clients, topics.publishState(), ledger, Duration.ofMinutes(2));
	}

	@Bean
	PartitionOwnership partitionOwnership(PublicationLedger ledger, PartitionRestore restore, EmbargoTimers timers) {
		return new PartitionOwnership(BINDING, ledger, restore, timers::armPartition, timers::disarmPartition,
				Duration.ofMinutes(1));
	}

	/**
	 * On unless {@code pressline.publish.check-co-partitioning=false}: only for running
	 * the functions on another binder than Kafka's (the test binder).
	 */
	@Bean
	@ConditionalOnProperty(prefix = "pressline.publish", name = "check-co-partitioning", matchIfMissing = true)
	CoPartitioning coPartitioning(PipelineTopics topics, AdminClient presslineAdminClient) {
		return new CoPartitioning(presslineAdminClient, topics.enriched(), topics.releases(), topics.publishState());
	}

	@Bean
	PublicationLatency publicationLatency(MeterRegistry registry) {
		return new PublicationLatency(registry);
	}

	@Bean
	PublicationRecords publicationRecords(BindingRecords records, StageReporter stages, PublishProperties properties,
			CloudEventHeaders cloudEvents) {
		return new BindingPublicationRecords(records, stages, properties, cloudEvents);
	}

	@Bean
	Consumer<Message<List<ArticleEnriched>>> publish(Publisher publisher, PublicationLedger ledger,
			PartitionOwnership ownership, EmbargoTimers timers, PublicationRecords records, PublicationLatency latency,
			PipelineTopics topics, RecordBatches batches) {
		return new PublishStep(publisher, ledger, ownership, timers, records, latency, topics.releases(), batches);
	}

}
