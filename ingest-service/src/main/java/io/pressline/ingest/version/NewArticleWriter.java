package io.pressline.ingest.version;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pressline.event.ArticleSubmitted;

/**
 * Writes the first version of a new article, its version record and its draft, in one
 * transaction, so that a later new version finds it on the version topic. The id is new
 * and random, so no other instance can be giving it a version: nothing is read first, and
 * the producers are this instance's own ({@code <instance-id>-new-articles-<partition>}),
 * not the sequencer's.
 */
public class NewArticleWriter implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(NewArticleWriter.class);

	private final VersionTopic topic;

	private final PartitionWriters writers;

	private final SubmissionRecords records;

	private final int attempts;

	NewArticleWriter(VersionTopic topic, PartitionWriters writers, SubmissionRecords records, int attempts) {
		this.topic = topic;
		this.writers = writers;
		this.records = records;
		this.attempts = attempts;
	}

	/**
	 * Writes version 1 of a new article.
	 * @throws PipelineUnavailableException when Kafka did not take it
	 */
	public void write(ArticleSubmitted first) {
		int partition = this.topic.partitionOf(first.getArticleId());
		for (int attempt = 1; attempt <= this.attempts; attempt++) {
			try {
				this.writers.locked(partition, (writer) -> {
					writer.write(this.records.of(partition, first));
					return null;
				});
				return;
			}
			catch (WriterFencedException ex) {
				// Only another process with this instance's id can fence these producers.
				log.warn("Another process uses the transactional id of this instance's new articles: does "
						+ "another ingest instance have the same pressline.instance-id? ({})", ex.getMessage());
			}
		}
		throw new PipelineUnavailableException(
				"Kafka did not accept the draft: another process kept taking " + "this instance's transactional id",
				null);
	}

	@Override
	public void close() {
		this.writers.close();
	}

}
