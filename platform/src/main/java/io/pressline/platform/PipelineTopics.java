package io.pressline.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The topics articles travel through, as configured under {@code pressline.topics}.
 *
 * @param submitted drafts accepted by ingest
 * @param enriched drafts with their enrichment
 * @param published publication events for downstream sites
 * @param latest compacted latest published state per article
 * @param status compacted stage each article version has reached
 * @param publishState compacted: what publish-service knows of each article (its last
 * publication, the version it holds back), partitioned like {@code enriched}; see
 * {@code PublicationState.avsc}
 * @param releases held versions whose embargo has ended, offered to publish-service
 * again; read beside {@code enriched} by the same consumer, so partitioned like it
 * @param versions compacted: the latest version number of every article, written and read
 * by ingest-service alone, which creates it (see {@code pressline.ingest.versions})
 * @param partitions partitions of each topic
 * @param replicationFactor replicas of each partition
 * @param maxMessageSize the largest record every topic takes and every producer sends:
 * the published event of an article at the body limit (its body twice, as text and as
 * HTML, and its enrichment) must fit, with room to spare
 */
@ConfigurationProperties("pressline.topics")
public record PipelineTopics(String submitted, String enriched, String published, String latest, String status,
		String publishState, String releases, String versions, int partitions, short replicationFactor,
		DataSize maxMessageSize) {

	/**
	 * How many times the largest body the largest record must hold: a published event
	 * carries the body as text and as HTML (where a quotation mark takes six bytes) and
	 * the enrichment found in it, which grows with the body too.
	 */
	public static final int BODY_FACTOR = 8;

	/** What a dead-letter topic's name adds to its topic's. */
	public static final String DEAD_LETTER_SUFFIX = ".dlq";

	/**
	 * Every topic of the pipeline, each with the settings it is created with, the
	 * dead-letter topics of the submitted and enriched stages among them.
	 */
	public List<TopicSpec> all() {
		return List.of(new TopicSpec(this.submitted, false), new TopicSpec(this.enriched, false),
				new TopicSpec(this.published, false), new TopicSpec(this.latest, true),
				new TopicSpec(this.status, true), new TopicSpec(this.publishState, true),
				new TopicSpec(this.releases, false), new TopicSpec(this.submitted + DEAD_LETTER_SUFFIX, false),
				new TopicSpec(this.enriched + DEAD_LETTER_SUFFIX, false));
	}

	/**
	 * Refuses a body limit that would let in an article whose events the topics could not
	 * take: it would be accepted, then stop at enrichment or publication.
	 * @param maxBodySize the body limit
	 * @param property the setting it comes from, for the message
	 */
	public void requireRoomFor(DataSize maxBodySize, String property) {
		if (maxBodySize.toBytes() > this.maxMessageSize.toBytes() / BODY_FACTOR) {
			throw new IllegalStateException(property + " (" + maxBodySize.toBytes() + " bytes) is too large for "
					+ "pressline.topics.max-message-size (" + this.maxMessageSize.toBytes() + " bytes): the records "
					+ "of an article that long would not fit; the records' limit must be at least " + BODY_FACTOR
					+ " times the body's");
		}
	}

	/**
	 * A topic of the pipeline's, as it is created (and kept: see
	 * PlatformAutoConfiguration).
	 */
	public NewTopic newTopic(String name, boolean compacted) {
		Map<String, String> configs = new HashMap<>();
		configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Long.toString(this.maxMessageSize.toBytes()));
		if (compacted) {
			configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
		}
		return new NewTopic(name, this.partitions, this.replicationFactor).configs(configs);
	}

	/**
	 * One topic to create.
	 *
	 * @param name topic name
	 * @param compacted whether the topic keeps only the last record per key
	 */
	public record TopicSpec(String name, boolean compacted) {
	}

}
