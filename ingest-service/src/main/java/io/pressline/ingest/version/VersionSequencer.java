package io.pressline.ingest.version;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pressline.event.ArticleSubmitted;
import io.pressline.ingest.status.ArticleStatuses;

/**
 * Gives an existing article its next version number, the same way on every ingest
 * instance, so that no number is given twice: each partition of the version topic has one
 * writer at a time across all instances. To give article X its next version, the instance
 * takes its lock for X's partition p; starts its producer for p, whose transactional id
 * ({@code <sequencer-prefix>-versions-
 *
<p>
 * }) every instance shares, which fences the producer of whichever instance wrote p last
 * and settles its open transaction; reads p to its end; and writes the version and the
 * draft in one transaction. If another instance took p meanwhile, the commit fails
 * (fenced) and nothing is written: it is tried again, a few times, then the editor is
 * answered 409. See {@code docs/architecture.md}.
 */
public class VersionSequencer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(VersionSequencer.class);

	private final VersionTopic topic;

	private final VersionLedger ledger;

	private final PartitionWriters writers;

	private final SubmissionRecords records;

	private final ArticleStatuses statuses;

	private final int attempts;

	private volatile Thread warmUp;

	VersionSequencer(VersionTopic topic, VersionLedger ledger, PartitionWriters writers, SubmissionRecords records,
			ArticleStatuses statuses, int attempts) {
		if (attempts < 1) {
			throw new IllegalArgumentException("attempts must be at least 1");
		}
		this.topic = topic;
		this.ledger = ledger;
		this.writers = writers;
		this.records = records;
		this.statuses = statuses;
		this.attempts = attempts;
	}

	/**
	 * Gives an article its next version and writes it, with its draft, in one
	 * transaction.
	 * @param articleId a known article
	 * @param submission the draft of the version with the given number
	 * @return the draft written
	 * @throws ArticleNotFoundException when no article has this id
	 * @throws ArticleRetractedException when the article was retracted
	 * @throws VersionConflictException when other instances kept taking the article's
	 * partition
	 * @throws PipelineUnavailableException when Kafka did not take it
	 */
	public ArticleSubmitted next(String articleId, IntFunction<ArticleSubmitted> submission) {
		int partition = this.topic.partitionOf(articleId);
		for (int attempt = 1; attempt <= this.attempts; attempt++) {
			try {
				return this.writers.locked(partition, (writer) -> {
					// Fence first, then read: whatever the last writer committed is
					// readable once our producer has started.
					writer.start();
					this.ledger.catchUp(partition);
					KnownVersion latest = latest(articleId);
					if (latest.retracted()) {
						throw new ArticleRetractedException(articleId);
					}
					ArticleSubmitted event = submission.apply(latest.version() + 1);
					writer.write(this.records.of(partition, event));
					return event;
				});
			}
			catch (WriterFencedException ex) {
				log.info("Article {} got no version on partition {} of {} (attempt {} of {}): {}", articleId, partition,
						this.topic.name(), attempt, this.attempts, ex.getMessage());
				if (attempt < this.attempts) {
					pause(attempt);
				}
			}
		}
		throw new VersionConflictException(articleId, this.attempts);
	}

	/**
	 * The ledger's latest version; for an article submitted before the version topic
	 * existed, the status view's (and the later of both, should an instance of an older
	 * release have given a version without recording it).
	 */
	private KnownVersion latest(String articleId) {
		Optional<KnownVersion> reported = this.statuses.find(articleId).map(KnownVersion::of);
		return this.ledger.find(articleId)
			.map((known) -> known.orLater(reported.orElse(null)))
			.or(() -> reported)
			.orElseThrow(() -> new ArticleNotFoundException(articleId));
	}

	/**
	 * A short, random pause, longer with each attempt, so two instances stop colliding.
	 */
	private static void pause(int attempt) {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50) * attempt);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PipelineUnavailableException("Interrupted while waiting to try again", ex);
		}
	}

	/**
	 * Reads every partition of the version topic in the background, so that the first new
	 * version after a start does not wait for a whole partition to be read. Only saves
	 * time: every new version reads its partition to the end anyway.
	 */
	public void warmUp() {
		Thread thread = new Thread(() -> {
			try {
				for (int partition = 0; partition < this.topic.partitions(); partition++) {
					int p = partition;
					this.writers.locked(p, (writer) -> {
						this.ledger.catchUp(p);
						return null;
					});
				}
				log.info("Read {}: {} articles", this.topic.name(), this.ledger.size());
			}
			catch (RuntimeException ex) {
				if (!Thread.currentThread().isInterrupted()) {
					log.warn("Could not read {} ahead; each new version reads it when it needs to: {}",
							this.topic.name(), ex.getMessage());
				}
			}
		}, "version-ledger-warm-up");
		thread.setDaemon(true);
		this.warmUp = thread;
		thread.start();
	}

	@Override
	public void close() throws InterruptedException {
		Thread thread = this.warmUp;
		if (thread != null) {
			thread.interrupt();
			thread.join(10_000);
		}
		this.writers.close();
	}

}
