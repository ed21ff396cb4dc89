package io.pressline.platform;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The topics articles travel through, as configured under {@code pressline.topics}.
 *
 * @param submitted drafts accepted by ingest
 * @param enriched drafts with their enrichment
 * @param published publication events for downstream sites
 * @param latest compacted latest published state per article
 * @param status compacted stage each article version has reached
 * @param held compacted versions the publish desk holds back (embargo, legal hold), kept
 * across restarts
 * @param partitions partitions of each topic
 * @param replicationFactor replicas of each partition
 */
@ConfigurationProperties("pressline.topics")
public record PipelineTopics(String submitted, String enriched, String published, String latest, String status,
		String held, int partitions, short replicationFactor) {

	/** Every topic of the pipeline, each with the settings it is created with. */
	public List<TopicSpec> all() {
		return List.of(new TopicSpec(this.submitted, false), new TopicSpec(this.enriched, false),
				new TopicSpec(this.published, false), new TopicSpec(this.latest, true),
				new TopicSpec(this.status, true), new TopicSpec(this.held, true));
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
