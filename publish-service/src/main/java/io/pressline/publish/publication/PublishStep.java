package io.pressline.publish.publication;

import java.util.function.Consumer;

import org.slf4j.MDC;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

import io.pressline.event.ArticleEnriched;
import io.pressline.platform.transaction.TransactionEffects;
import io.pressline.publish.embargo.EmbargoTimers;
import io.pressline.publish.ledger.LedgerChanges;
import io.pressline.publish.ledger.PartitionOwnership;
import io.pressline.publish.ledger.PublicationLedger;

/**
 * The {@code publish} function: a version read from {@code articles.enriched} or
 * {@code articles.releases} → the {@link Publisher}'s decision, whose records the binder
 * commits in one transaction with the read's offset. The ledger and the embargo timers
 * follow once that transaction commits.
 */
public class PublishStep implements Consumer<Message<ArticleEnriched>> {

	private final Publisher publisher;

	private final PublicationLedger ledger;

	private final PartitionOwnership ownership;

	private final EmbargoTimers timers;

	private final PublicationRecords records;

	private final PublicationLatency latency;

	private final String releasesTopic;

	public PublishStep(Publisher publisher, PublicationLedger ledger, PartitionOwnership ownership,
			EmbargoTimers timers, PublicationRecords records, PublicationLatency latency, String releasesTopic) {
		this.publisher = publisher;
		this.ledger = ledger;
		this.ownership = ownership;
		this.timers = timers;
		this.records = records;
		this.latency = latency;
		this.releasesTopic = releasesTopic;
	}

	@Override
	public void accept(Message<ArticleEnriched> message) {
		ArticleEnriched version = message.getPayload();
		Integer partition = message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION, Integer.class);
		int owned = (partition != null) ? partition : 0;
		boolean release = this.releasesTopic.equals(message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC));
		// Every log line about this article names it.
		try (MDC.MDCCloseable article = MDC.putCloseable("articleId", version.getSubmission().getArticleId())) {
			this.ownership.ensureRestored(owned);
			LedgerChanges changes = new LedgerChanges(this.ledger);
			Outcome outcome = this.publisher.handle(version, release, changes.on(owned), this.records);
			TransactionEffects.afterCommit(() -> {
				changes.apply(this.timers::follow);
				if (outcome.event() != null) {
					this.latency.record(outcome.event(), version.getSubmission().getEmbargoUntil());
				}
			});
		}
	}

}
