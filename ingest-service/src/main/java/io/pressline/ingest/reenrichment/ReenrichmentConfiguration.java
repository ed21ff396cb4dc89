package io.pressline.ingest.reenrichment;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import io.pressline.event.serde.AvroEventDeserializer;
import io.pressline.ingest.IngestProperties;
import io.pressline.ingest.version.ArticleNotFoundException;
import io.pressline.ingest.version.ArticleRetractedException;
import io.pressline.ingest.version.VersionSequencer;
import io.pressline.platform.PipelineTopics;
import io.pressline.platform.metrics.KafkaBacklog;

/**
 * The re-enrichment of the archive: the replay of {@code articles.latest}, its version
 * numbers from the {@link VersionSequencer} like an editor's new version, its speed limit
 * and the live backlog it gives way to.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReenrichmentProperties.class)
class ReenrichmentConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ReenrichmentConfiguration.class);

	/** How often the live groups' backlog is asked of the broker. */
	private static final Duration BACKLOG_INTERVAL = Duration.ofSeconds(2);

	/**
	 * What waits for the live groups, asked of the broker every few seconds; not a metric
	 * (each stage exports its own).
	 */
	@Bean(destroyMethod = "close")
	LiveBacklog liveBacklog(AdminClient presslineAdminClient, ReenrichmentProperties properties) {
		List<String> groups = List.copyOf(properties.liveGroups());
		KafkaBacklog backlog = new KafkaBacklog(presslineAdminClient, () -> groups, BACKLOG_INTERVAL);
		backlog.watch();
		return new LiveBacklog(backlog);
	}

	@Bean(destroyMethod = "close")
	ArchiveReplay archiveReplay(ReenrichmentProperties properties, IngestProperties ingest, PipelineTopics topics,
			KafkaProperties kafka, AdminClient presslineAdminClient, VersionSequencer versions,
			LiveBacklog liveBacklog) {
		Map<String, Object> settings = kafka.buildConsumerProperties();
		settings.remove("spring.deserializer.value.delegate.class");
		settings.put(ConsumerConfig.GROUP_ID_CONFIG, properties.group());
		settings.put(ConsumerConfig.CLIENT_ID_CONFIG, ingest.instanceId() + "-reenrichment");
		settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
		// A partition without a run's position is not the run's: it starts at its end.
		settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
		// A poll's records are replayed at the speed limit; few, so the next poll comes
		// well within max.poll.interval.ms at any sensible rate.
		settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.max(1, Math.min(50, properties.burst())));
		ArchiveReplay.Resubmission resubmission = (published) -> {
			try {
				return Optional.of(versions.next(published.getArticleId(), (version) -> Replays.of(published, version))
					.getVersion());
			}
			catch (ArticleNotFoundException | ArticleRetractedException ex) {
				log.info("Article {} not re-enriched: {}", published.getArticleId(), ex.getMessage());
				return Optional.empty();
			}
		};
		return new ArchiveReplay(topics.latest(), properties.group(),
				() -> new KafkaConsumer<>(settings, new StringDeserializer(),
						AvroEventDeserializer.configuredBy(settings)),
				presslineAdminClient, resubmission,
				new ReplayRate(properties.rate(), properties.burst(), System::nanoTime),
				new LiveTrafficFirst(properties.pauseAbove()), liveBacklog, Clock.systemUTC(), System::nanoTime);
	}

	/**
	 * Takes up an unfinished run, when the instance that ran it stopped or crashed before
	 * the end.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void resumeUnfinished(ApplicationReadyEvent event) {
		ReenrichmentProperties properties = event.getApplicationContext().getBean(ReenrichmentProperties.class);
		if (properties.resumeOnStart()) {
			try {
				event.getApplicationContext().getBean(ArchiveReplay.class).resumeIfUnfinished();
			}
			catch (IllegalStateException ex) {
				log.warn("Could not look for an unfinished re-enrichment ({}); POST "
						+ "/api/v1/ops/reenrichment/resume takes it up", ex.getMessage());
			}
		}
	}

	/**
	 * The records the live groups have not processed yet, as last seen.
	 *
	 * @param backlog their lag, looked at every few seconds
	 */
	record LiveBacklog(KafkaBacklog backlog) implements LongSupplier, AutoCloseable {

		@Override
		public long getAsLong() {
			return this.backlog.lags().stream().mapToLong(KafkaBacklog.Lag::records).sum();
		}

		@Override
		public void close() {
			this.backlog.close();
		}

	}

}
