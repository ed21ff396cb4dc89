package io.pressline.publish.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.MDC;

import org.springframework.messaging.Message;

import io.pressline.event.ArticleEnriched;
import io.pressline.event.SubmissionReason;
import io.pressline.platform.batch.RecordBatches;
import io.pressline.platform.transaction.TransactionEffects;
import io.pressline.publish.embargo.EmbargoTimers;
import io.pressline.publish.ledger.LedgerChanges;
import io.pressline.publish.ledger.PartitionOwnership;
import io.pressline.publish.ledger.PublicationLedger;

/**
 * The {@code publish} function, over the records of one poll: each version read from
 * {@code articles.enriched} or {@code articles.releases} gets the {@link Publisher}'s
 * decision, in order, each against the state the ones before it left (a
 * {@link LedgerChanges} for the batch), and all their records commit in one transaction
 * with the batch's offsets. The ledger and the embargo timers follow once that
 * transaction commits.
 */
public class PublishStep implements Consumer<Message<List<ArticleEnriched>>> {

	private final Publisher publisher;

	private final PublicationLedger ledger;

	private final PartitionOwnership ownership;

	private final EmbargoTimers timers;

	private final PublicationRecords records;

	private final PublicationLatency latency;

	private final String releasesTopic;

	private final RecordBatches batches;

	public PublishStep(Publisher publisher, PublicationLedger ledger, PartitionOwnership ownership,
			EmbargoTimers timers, PublicationRecords records, PublicationLatency latency, String releasesTopic,
			RecordBatches batches) {
		this.publisher = publisher;
		this.ledger = ledger;
		this.ownership = ownership;
		this.timers = timers;
		this.records = records;
		this.latency = latency;
		this.releasesTopic = releasesTopic;
		this.batches = batches;
	}

	@Override
	public void accept(Message<List<ArticleEnriched>> batch) {
		LedgerChanges changes = new LedgerChanges(this.ledger);
		List<Runnable> published = new ArrayList<>();
		this.batches.each(batch, (record) -> {
			ArticleEnriched version = record.value();
			boolean release = this.releasesTopic.equals(record.topic());
			// Every log line about this article names it.
			try (MDC.MDCCloseable article = MDC.putCloseable("articleId", version.getSubmission().getArticleId())) {
				this.ownership.ensureRestored(record.partition());
				Outcome outcome = this.publisher.handle(version, release, changes.on(record.partition()), this.records);
				// A re-enrichment keeps the replayed version's submission time: its wait
				// is
				// not the pipeline's latency.
				if (outcome.event() != null && version.getSubmission().getReason() != SubmissionReason.REENRICHMENT) {
					published
						.add(() -> this.latency.record(outcome.event(), version.getSubmission().getEmbargoUntil()));
				}
			}
		});
		TransactionEffects.afterCommit(() -> {
			changes.apply(this.timers::follow);
			published.forEach(Runnable::run);
		});
	}

}
