package io.pressline.publish.publication;

import java.util.Map;

import io.pressline.event.ArticlePublished;
import io.pressline.event.ArticleStage;
import io.pressline.event.ArticleSubmitted;
import io.pressline.event.serde.EncodedEvent;
import io.pressline.platform.cloudevents.CloudEventHeaders;
import io.pressline.platform.kafka.BindingRecords;
import io.pressline.platform.status.StageReporter;
import io.pressline.publish.PublishProperties;
import io.pressline.publish.ledger.ArticleState;

/**
 * Writes a decision's records to the output bindings of {@code application.yml}
 * ({@code published}, {@code latest}, {@code publishState}, {@code status}) and to the
 * section's topic, all keyed by article id, the events and latest states with their
 * CloudEvents headers ({@link CloudEventHeaders}). Called in the consumer's thread while
 * the binder's transaction for the version read is open, so they commit with its offset
 * (straight to that transaction's producer, see {@link BindingRecords}). An event is
 * encoded once for all the topics it goes to ({@link EncodedEvent}).
 */
public class BindingPublicationRecords implements PublicationRecords {

	static final String PUBLISHED = "published";

	static final String LATEST = "latest";

	static final String STATE = "publishState";

	private final BindingRecords records;

	private final StageReporter stages;

	private final PublishProperties properties;

	private final CloudEventHeaders cloudEvents;

	public BindingPublicationRecords(BindingRecords records, StageReporter stages, PublishProperties properties,
			CloudEventHeaders cloudEvents) {
		this.records = records;
		this.stages = stages;
		this.properties = properties;
		this.cloudEvents = cloudEvents;
	}

	@Override
	public void published(ArticlePublished event) {
		published(EncodedEvent.of(event));
	}

	/**
	 * The event and the latest state written from one encoding of the event: the three
	 * records' values are the same bytes (on one wire format), and the event's body is
	 * turned into Avro once instead of three times.
	 */
	@Override
	public void edition(ArticlePublished event) {
		EncodedEvent<ArticlePublished> encoded = EncodedEvent.of(event);
		Map<String, Object> headers = published(encoded);
		send(LATEST, event.getArticleId(), encoded, this.cloudEvents.latest(event, headers));
	}

	private Map<String, Object> published(EncodedEvent<ArticlePublished> encoded) {
		ArticlePublished event = encoded.event();
		Map<String, Object> headers = this.cloudEvents.event(event);
		send(PUBLISHED, event.getArticleId(), encoded, headers);
		send(this.properties.sectionTopic(event.getSection()), event.getArticleId(), encoded, headers);
		return headers;
	}

	@Override
	public void latest(ArticlePublished event) {
		send(LATEST, event.getArticleId(), event, this.cloudEvents.latest(event));
	}

	@Override
	public void removeLatest(ArticlePublished retraction) {
		send(LATEST, retraction.getArticleId(), null, this.cloudEvents.latestRemoved(retraction));
	}

	@Override
	public void state(ArticleState state) {
		send(STATE, state.articleId(), state.toRecord(), Map.of());
	}

	@Override
	public void status(ArticleSubmitted draft, ArticleStage stage, String reason) {
		this.stages.report(StageReporter.status(draft.getArticleId(), draft.getVersion(), stage, "publish",
				draft.getSubmittedAt(), reason));
	}

	private void send(String binding, String articleId, Object payload, Map<String, Object> headers) {
		this.records.send(binding, articleId, payload, headers);
	}

}
