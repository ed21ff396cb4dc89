package io.pressline.platform.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What waits in Kafka, asked of the cluster every few seconds: the lag of each of this
 * service's consumer groups per partition ({@code pressline.consumer.lag}) and the
 * records on every dead-letter topic ({@code pressline.deadletters}, topics ending in
 * {@code .dlq}). Read from the broker rather than from the consumers, so a group whose
 * consumer is stuck or gone still shows its backlog.
 */
public class KafkaBacklog implements MeterBinder, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(KafkaBacklog.class);

	/** One partition's lag for one consumer group. */
	public record Lag(String group, String topic, int partition, long records) {
	}

	private final Map<String, Object> configuration;

	private final Supplier<Collection<String>> groups;

	private final Duration interval;

	private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "pressline-kafka-backlog");
		thread.setDaemon(true);
		return thread;
	});

	private AdminClient admin;

	private volatile List<Lag> lags = List.of();

	private volatile Map<String, Long> deadLetters = Map.of();

	/**
	 * @param adminConfiguration how to reach the cluster
	 * @param groups this service's consumer groups
	 * @param interval how often the cluster is asked
	 */
	public KafkaBacklog(Map<String, Object> adminConfiguration, Supplier<Collection<String>> groups,
			Duration interval) {
		this.configuration = new HashMap<>(adminConfiguration);
		int timeout = (int) Math.max(1000, interval.toMillis());
		this.configuration.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
		this.configuration.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
		this.configuration.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "pressline-backlog");
		this.groups = groups;
		this.interval = interval;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		MultiGauge lag = MultiGauge.builder("pressline.consumer.lag")
			.description("Records on a partition that the consumer group has not processed yet")
			.baseUnit("records")
			.register(registry);
		MultiGauge dead = MultiGauge.builder("pressline.deadletters")
			.description("Records on a dead-letter topic")
			.baseUnit("records")
			.register(registry);
		this.refresher.scheduleWithFixedDelay(() -> {
			refresh();
			lag.register(
					this.lags.stream()
						.map((l) -> MultiGauge.Row.of(Tags.of("group", l.group(), "topic", l.topic(), "partition",
								Integer.toString(l.partition())), l.records()))
						.toList(),
					true);
			dead.register(this.deadLetters.entrySet()
				.stream()
				.map((d) -> MultiGauge.Row.of(Tags.of("topic", d.getKey()), d.getValue()))
				.toList(), true);
		}, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** The lags found by the last look, per group and partition. */
	public List<Lag> lags() {
		return this.lags;
	}

	/** The records on each dead-letter topic at the last look. */
	public Map<String, Long> deadLetters() {
		return this.deadLetters;
	}

	/** Asks the cluster now; a failure keeps the last figures. */
	void refresh() {
		try {
			AdminClient client = admin();
			long timeout = this.interval.toMillis() + 1000;
			List<Lag> found = new ArrayList<>();
			for (String group : this.groups.get()) {
				Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(group)
					.partitionsToOffsetAndMetadata()
					.get(timeout, TimeUnit.MILLISECONDS);
				// Partitions assigned but never committed count from their start, where
				// the group's consumers begin (auto.offset.reset=earliest).
				Set<TopicPartition> partitions = new java.util.HashSet<>(committed.keySet());
				client.describeConsumerGroups(List.of(group))
					.all()
					.get(timeout, TimeUnit.MILLISECONDS)
					.values()
					.forEach((description) -> description.members()
						.forEach((member) -> partitions.addAll(member.assignment().topicPartitions())));
				Map<TopicPartition, Long> ends = endOffsets(client, partitions, timeout);
				Map<TopicPartition, Long> starts = offsets(client, partitions, OffsetSpec.earliest(), timeout);
				for (TopicPartition partition : partitions) {
					OffsetAndMetadata offset = committed.get(partition);
					long from = (offset != null) ? offset.offset() : starts.getOrDefault(partition, 0L);
					if (ends.containsKey(partition)) {
						found.add(new Lag(group, partition.topic(), partition.partition(),
								Math.max(0, ends.get(partition) - from)));
					}
				}
			}
			Set<String> topics = client.listTopics().names().get(timeout, TimeUnit.MILLISECONDS);
			List<TopicPartition> deadLetterPartitions = new ArrayList<>();
			for (String topic : topics) {
				if (topic.endsWith(".dlq")) {
					client.describeTopics(List.of(topic))
						.allTopicNames()
						.get(timeout, TimeUnit.MILLISECONDS)
						.get(topic)
						.partitions()
						.forEach((p) -> deadLetterPartitions.add(new TopicPartition(topic, p.partition())));
				}
			}
			Map<TopicPartition, Long> ends = endOffsets(client, deadLetterPartitions, timeout);
			Map<TopicPartition, Long> starts = offsets(client, deadLetterPartitions, OffsetSpec.earliest(), timeout);
			Map<String, Long> dead = new HashMap<>();
			ends.forEach((partition, end) -> dead.merge(partition.topic(), end - starts.getOrDefault(partition, 0L),
					Long::sum));
			this.lags = List.copyOf(found);
			this.deadLetters = Map.copyOf(dead);
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			log.debug("Kafka backlog not refreshed: {}", ex.toString());
		}
	}

	private static Map<TopicPartition, Long> endOffsets(AdminClient client, Collection<TopicPartition> partitions,
			long timeout) throws Exception {
		return offsets(client, partitions, OffsetSpec.latest(), timeout);
	}

	private static Map<TopicPartition, Long> offsets(AdminClient client, Collection<TopicPartition> partitions,
			OffsetSpec spec, long timeout) throws Exception {
		if (partitions.isEmpty()) {
			return Map.of();
		}
		Map<TopicPartition, OffsetSpec> request = new HashMap<>();
		partitions.forEach((partition) -> request.put(partition, spec));
		Map<TopicPartition, Long> offsets = new HashMap<>();
		client.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
			.all()
			.get(timeout, TimeUnit.MILLISECONDS)
			.forEach((partition, info) -> offsets.put(partition, info.offset()));
		return offsets;
	}

	private synchronized AdminClient admin() {
		if (this.admin == null) {
			this.admin = AdminClient.create(this.configuration);
		}
		return this.admin;
	}

	@Override
	public synchronized void close() {
		this.refresher.shutdownNow();
		if (this.admin != null) {
			this.admin.close(Duration.ofSeconds(1));
		}
	}

}
