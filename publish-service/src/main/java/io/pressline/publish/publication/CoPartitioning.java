package io.pressline.publish.publication;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.TopicDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Refuses to start the publisher on topics that are not partitioned alike: the versions
 * of an article, its releases and its state must sit on partitions of the same number, or
 * two instances could decide on one article. Runs once the topics are made, before the
 * bindings start.
 */
class CoPartitioning implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CoPartitioning.class);

	private final AdminClient admin;

	private final List<String> topics;

	private volatile boolean running;

	CoPartitioning(AdminClient admin, String... topics) {
		this.admin = admin;
		this.topics = List.of(topics);
	}

	@Override
	public void start() {
		Map<String, TopicDescription> described;
		try {
			described = this.admin.describeTopics(this.topics).allTopicNames().get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while checking the publisher's topics", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			// No broker yet: the bindings wait for it too. The check is for topics that
			// exist.
			log.warn("Could not check that the topics {} are partitioned alike: {}", this.topics, ex.toString());
			this.running = true;
			return;
		}
		Map<String, Integer> partitions = described.values()
			.stream()
			.collect(Collectors.toMap(TopicDescription::name, (topic) -> topic.partitions().size()));
		if (partitions.values().stream().distinct().count() > 1) {
			throw new IllegalStateException("The publisher's topics must have as many partitions as each other, "
					+ "so that one instance owns every version, release and state of an article; they have "
					+ partitions + ". Add partitions to the smaller ones (kafka-topics.sh --alter --partitions).");
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Before the bindings, which start in a later phase. */
	@Override
	public int getPhase() {
		return 0;
	}

}
