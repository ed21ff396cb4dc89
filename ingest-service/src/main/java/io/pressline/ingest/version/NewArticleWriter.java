package io.pressline.ingest.version;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pressline.event.ArticleSubmitted;

/**
 * Writes the first version of a new article, its version record and its draft, in one
 * transaction, so that a later new version finds it on the version topic. The id is new
 * and random, so no other instance can be giving it a version: nothing is read first, and
 * the producers are this instance's own ({@code <instance-id>-new-articles-<partition>}),
 * not the sequencer's.
 * <p>
 * Drafts for one partition that arrive while its transaction is being committed wait, and
 * go together in the next one (a group commit): under load one transaction carries many
 * new articles instead of each request paying for its own, and alone a draft waits for
 * nothing. Each request is answered once the transaction with its draft has committed; if
 * that transaction fails, every draft in it fails and nothing of them was written.
 */
public class NewArticleWriter implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(NewArticleWriter.class);

	private final VersionTopic topic;

	private final PartitionWriters writers;

	private final SubmissionRecords records;

	private final int attempts;

	/** Per partition: the drafts waiting for the next transaction. */
	private final Map<Integer, Queue<Pending>> waiting = new ConcurrentHashMap<>();

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
		Queue<Pending> queue = this.waiting.computeIfAbsent(partition, (p) -> new ConcurrentLinkedQueue<>());
		for (int attempt = 1; attempt <= this.attempts; attempt++) {
			Pending mine = new Pending(this.records.of(partition, first));
			queue.add(mine);
			// Drafts leave the queue only under the partition's lock, and are settled
			// before it is released: whoever holds it writes all that wait, and a draft
			// still unsettled when its own thread gets the lock is still in the queue.
			this.writers.locked(partition, (writer) -> {
				if (!mine.settled) {
					writeWaiting(writer, queue);
				}
				return null;
			});
			if (!mine.settled) {
				throw new PipelineUnavailableException("Kafka did not accept the draft: its transaction broke off",
						null);
			}
			if (mine.failure == null) {
				return;
			}
			if (!(mine.failure instanceof WriterFencedException)) {
				throw mine.failure;
			}
			// Only another process with this instance's id can fence these producers.
			log.warn(
					"Another process uses the transactional id of this instance's new articles: does "
							+ "another ingest instance have the same pressline.instance-id? ({})",
					mine.failure.getMessage());
		}
		throw new PipelineUnavailableException(
				"Kafka did not accept the draft: another process kept taking " + "this instance's transactional id",
				null);
	}

	private static void writeWaiting(TransactionalWriter writer, Queue<Pending> queue) {
		List<Pending> group = new ArrayList<>();
		List<ProducerRecord<String, SpecificRecord>> all = new ArrayList<>();
		for (Pending next = queue.poll(); next != null; next = queue.poll()) {
			group.add(next);
			all.addAll(next.records);
		}
		RuntimeException failure = null;
		try {
			writer.write(all);
		}
		catch (RuntimeException ex) {
			failure = ex;
		}
		for (Pending pending : group) {
			pending.failure = failure;
			pending.settled = true;
		}
	}

	/**
	 * Writes version 1 of many new articles with as few transactions as there are
	 * partitions among them: the articles of one partition of the version topic, their
	 * version records, their drafts and whatever goes {@code alongside} each, are written
	 * in one transaction by that partition's writer. Each partition's transaction commits
	 * or fails on its own.
	 * @param firsts the first versions, of new articles
	 * @param alongside more records to write with an article in its transaction (its
	 * status), or none
	 * @return why the articles that were not written failed, by article id; empty when
	 * every article was written
	 */
	public Map<String, RuntimeException> writeAll(List<ArticleSubmitted> firsts,
			Function<ArticleSubmitted, List<ProducerRecord<String, SpecificRecord>>> alongside) {
		Map<Integer, List<ArticleSubmitted>> byPartition = new LinkedHashMap<>();
		for (ArticleSubmitted first : firsts) {
			byPartition.computeIfAbsent(this.topic.partitionOf(first.getArticleId()), (p) -> new ArrayList<>())
				.add(first);
		}
		Map<String, RuntimeException> failures = new LinkedHashMap<>();
		byPartition.forEach((partition, articles) -> {
			List<ProducerRecord<String, SpecificRecord>> records = new ArrayList<>(articles.size() * 3);
			for (ArticleSubmitted first : articles) {
				records.addAll(this.records.of(partition, first));
				records.addAll(alongside.apply(first));
			}
			RuntimeException failure = writeInOne(partition, records);
			if (failure != null) {
				articles.forEach((first) -> failures.put(first.getArticleId(), failure));
			}
		});
		return failures;
	}

	private RuntimeException writeInOne(int partition, List<ProducerRecord<String, SpecificRecord>> records) {
		for (int attempt = 1; attempt <= this.attempts; attempt++) {
			try {
				this.writers.locked(partition, (writer) -> {
					writer.write(records);
					return null;
				});
				return null;
			}
			catch (WriterFencedException ex) {
				log.warn("Another process uses the transactional id of this instance's new articles: does "
						+ "another ingest instance have the same pressline.instance-id? ({})", ex.getMessage());
			}
			catch (PipelineUnavailableException ex) {
				return ex;
			}
		}
		return new PipelineUnavailableException(
				"Kafka did not accept the drafts: another process kept taking this instance's transactional id", null);
	}

	@Override
	public void close() {
		this.writers.close();
	}

	/**
	 * A draft's records waiting for a transaction, and how it went (set under the lock).
	 */
	private static final class Pending {

		private final List<ProducerRecord<String, SpecificRecord>> records;

		private volatile boolean settled;

		private volatile RuntimeException failure;

		Pending(List<ProducerRecord<String, SpecificRecord>> records) {
			this.records = records;
		}

	}

}
