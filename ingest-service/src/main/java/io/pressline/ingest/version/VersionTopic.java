package io.pressline.ingest.version;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.utils.Utils;

/**
 * The compacted topic with the latest version of every article, and the partition an
 * article's records go to: Kafka's default partitioner of the key (murmur2 of the id's
 * UTF-8 bytes), so that every ingest instance agrees on which partition, and so which
 * single writer, decides an article's next version. The partition count is read from the
 * cluster once; adding partitions to this topic would move articles between writers, so
 * it is never done.
 */
public final class VersionTopic {

	private final String name;

	private final Admin admin;

	private final Duration timeout;

	private volatile int partitions;

	public VersionTopic(String name, Admin admin, Duration timeout) {
		this.name = name;
		this.admin = admin;
		this.timeout = timeout;
	}

	/** A topic whose partition count is known, for tests. */
	static VersionTopic of(String name, int partitions) {
		VersionTopic topic = new VersionTopic(name, null, Duration.ZERO);
		topic.partitions = partitions;
		return topic;
	}

	public String name() {
		return this.name;
	}

	/** The partition of an article's records. */
	public int partitionOf(String articleId) {
		return partitionOf(articleId, partitions());
	}

	static int partitionOf(String articleId, int partitions) {
		return Utils.toPositive(Utils.murmur2(articleId.getBytes(StandardCharsets.UTF_8))) % partitions;
	}

	/** How many partitions the topic has, asked of the cluster the first time. */
	public int partitions() {
		int known = this.partitions;
		if (known > 0) {
			return known;
		}
		try {
			known = this.admin.describeTopics(List.of(this.name))
				.topicNameValues()
				.get(this.name)
				.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS)
				.partitions()
				.size();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PipelineUnavailableException("Interrupted while asking Kafka about " + this.name, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new PipelineUnavailableException("Kafka did not describe " + this.name + ": " + ex.getMessage(), ex);
		}
		this.partitions = known;
		return known;
	}

}
