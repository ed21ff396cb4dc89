package io.pressline.platform.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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
import org.apache.kafka.clients.admin.DescribeConsumerGroupsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pressline.platform.deadletter.DeadLetters;

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

	private final AdminClient admin;

	private final Supplier<Collection<String>> groups;

	private final Duration interval;

	private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "pressline-kafka-backlog");
		thread.setDaemon(true);
		return thread;
	});

	private volatile List<Lag> lags = List.of();

	private volatile Map<String, Long> deadLetters = Map.of();

	/**
	 * @param admin the service's admin client
	 * @param groups this service's consumer groups
	 * @param interval how often the cluster is asked; also how long one look may take
	 */
	public KafkaBacklog(AdminClient admin, Supplier<Collection<String>> groups, Duration interval) {
		this.admin = admin;
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

	/**
	 * Looks every interval without exporting metrics, for a view that shows the figures
	 * itself (the operators' status page asks about every stage's groups, which are
	 * exported by those stages).
	 */
	public void watch() {
		this.refresher.scheduleWithFixedDelay(this::refresh, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
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
			int timeout = (int) Math.max(1000, this.interval.toMillis());
			List<Lag> found = new ArrayList<>();
			for (String group : this.groups.get()) {
				Map<TopicPartition, OffsetAndMetadata> committed = this.admin
					.listConsumerGroupOffsets(group, new ListConsumerGroupOffsetsOptions().timeoutMs(timeout))
					.partitionsToOffsetAndMetadata()
					.get(timeout, TimeUnit.MILLISECONDS);
				// Partitions assigned but never committed count from their start, where
				// the group's consumers begin (auto.offset.reset=earliest).
				Set<TopicPartition> partitions = new HashSet<>(committed.keySet());
				this.admin
					.describeConsumerGroups(List.of(group), new DescribeConsumerGroupsOptions().timeoutMs(timeout))
					.all()
					.get(timeout, TimeUnit.MILLISECONDS)
					.values()
					.forEach((description) -> description.members()
						.forEach((member) -> partitions.addAll(member.assignment().topicPartitions())));
				Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest(), timeout);
				Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest(), timeout);
				for (TopicPartition partition : partitions) {
					OffsetAndMetadata offset = committed.get(partition);
					long from = (offset != null) ? offset.offset() : starts.getOrDefault(partition, 0L);
					if (ends.containsKey(partition)) {
						found.add(new Lag(group, partition.topic(), partition.partition(),
								Math.max(0, ends.get(partition) - from)));
					}
				}
			}
			List<String> deadLetterTopics = this.admin.listTopics(new ListTopicsOptions().timeoutMs(timeout))
				.names()
				.get(timeout, TimeUnit.MILLISECONDS)
				.stream()
				.filter(DeadLetters::isDeadLetterTopic)
				.toList();
			List<TopicPartition> deadLetterPartitions = new ArrayList<>();
			if (!deadLetterTopics.isEmpty()) {
				this.admin.describeTopics(deadLetterTopics, new DescribeTopicsOptions().timeoutMs(timeout))
					.allTopicNames()
					.get(timeout, TimeUnit.MILLISECONDS)
					.forEach((topic, description) -> description.partitions()
						.forEach((p) -> deadLetterPartitions.add(new TopicPartition(topic, p.partition()))));
			}
			Map<TopicPartition, Long> ends = offsets(deadLetterPartitions, OffsetSpec.latest(), timeout);
			Map<TopicPartition, Long> starts = offsets(deadLetterPartitions, OffsetSpec.earliest(), timeout);
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

	private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec, int timeout)
			throws Exception {
		if (partitions.isEmpty()) {
			return Map.of();
		}
		Map<TopicPartition, OffsetSpec> request = new HashMap<>();
		partitions.forEach((partition) -> request.put(partition, spec));
		Map<TopicPartition, Long> offsets = new HashMap<>();
		this.admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED).timeoutMs(timeout))
			.all()
			.get(timeout, TimeUnit.MILLISECONDS)
			.forEach((partition, info) -> offsets.put(partition, info.offset()));
		return offsets;
	}

	@Override
	public void close() {
		this.refresher.shutdownNow();
	}

}
