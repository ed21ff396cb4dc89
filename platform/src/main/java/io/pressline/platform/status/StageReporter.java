package io.pressline.platform.status;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import io.pressline.event.ArticleStage;
import io.pressline.event.ArticleStatus;
import io.pressline.platform.kafka.BindingRecords;
import io.pressline.platform.transaction.TransactionEffects;

/**
 * Tells the {@code articles.status} topic that an article version reached a stage. The
 * editor's status API and the operators' views are built from these events.
 */
public class StageReporter {

	/**
	 * The output binding of the status topic, configured in
	 * {@code pressline-defaults.yml}.
	 */
	public static final String BINDING = "status";

	/**
	 * The start of the reason of a re-enrichment that found nothing new: the article
	 * stays as published, so the desk and the status page, which follow editors' work,
	 * pass such a status over.
	 */
	public static final String UNCHANGED_BY_REENRICHMENT = "unchanged by re-enrichment";

	/** Whether a status is that of a re-enrichment that changed nothing. */
	public static boolean unchangedByReenrichment(ArticleStatus status) {
		return status.getReason() != null && status.getReason().startsWith(UNCHANGED_BY_REENRICHMENT);
	}

	private final BindingRecords records;

	private final MeterRegistry registry;

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	/**
	 * @param records where the status events go, in the transaction of the records they
	 * report on where there is one
	 * @param registry where each report is counted, as {@code pressline.stage.reported}
	 * with the service and the stage
	 */
	public StageReporter(BindingRecords records, MeterRegistry registry) {
		this.records = records;
		this.registry = registry;
	}

	/**
	 * Reports a stage.
	 * @param status what to report; its article id becomes the record key
	 * @throws IllegalStateException when the status could not be handed to Kafka
	 */
	public void report(ArticleStatus status) {
		try {
			this.records.send(BINDING, status.getArticleId(), status, Map.of());
		}
		catch (IllegalStateException ex) {
			throw new IllegalStateException("Status " + status.getStage() + " of article " + status.getArticleId()
					+ " v" + status.getVersion() + " was not sent", ex);
		}
		count(status);
	}

	/**
	 * Counts a stage that was written to the status topic by other means (a transactional
	 * producer of the service's own, with the records it reports on).
	 */
	public void count(ArticleStatus status) {
		String service = status.getService();
		String stage = status.getStage().name();
		Counter counter = this.counters.computeIfAbsent(service + "/" + stage,
				(key) -> Counter.builder("pressline.stage.reported")
					.description("Article versions that reached a stage, as reported on articles.status")
					.tag("service", service)
					.tag("stage", stage)
					.register(this.registry));
		// In a Kafka transaction the report counts once it is committed: an attempt
		// rolled back and tried again is one version reaching the stage, not two.
		TransactionEffects.afterCommit(counter::increment);
	}

	/** Builds a status event of the given stage, occurring now. */
	public static ArticleStatus status(String articleId, int version, ArticleStage stage, String service,
			Instant submittedAt, String reason) {
		return ArticleStatus.newBuilder()
			.setArticleId(articleId)
			.setVersion(version)
			.setStage(stage)
			.setService(service)
			.setReason(reason)
			.setSubmittedAt(submittedAt)
			.setOccurredAt(Instant.now())
			.build();
	}

	/**
	 * A message whose Kafka record key is the article id, so that every version of one
	 * article lands on the same partition and stays in order.
	 */
	public static <T> Message<T> keyed(String articleId, T payload) {
		return MessageBuilder.withPayload(payload).setHeader(KafkaHeaders.KEY, articleId).build();
	}

}
