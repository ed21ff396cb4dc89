package io.pressline.publish.publication;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import io.pressline.event.ArticlePublished;
import io.pressline.event.ArticleStage;
import io.pressline.event.ArticleSubmitted;
import io.pressline.platform.status.StageReporter;
import io.pressline.publish.PublishProperties;
import io.pressline.publish.ledger.ArticleState;

/**
 * Writes a decision's records to the output bindings of {@code application.yml}
 * ({@code published}, {@code latest}, {@code publishState}, {@code status}) and to the
 * section's topic, all keyed by article id. Called in the consumer's thread while the
 * binder's transaction for the version read is open, so they commit with its offset.
 */
public class BindingPublicationRecords implements PublicationRecords {

	static final String PUBLISHED = "published";

	static final String LATEST = "latest";

	static final String STATE = "publishState";

	private final StreamBridge bridge;

	private final StageReporter stages;

	private final PublishProperties properties;

	public BindingPublicationRecords(StreamBridge bridge, StageReporter stages, PublishProperties properties) {
		this.bridge = bridge;
		this.stages = stages;
		this.properties = properties;
	}

	@Override
	public void published(ArticlePublished event) {
		send(PUBLISHED, event.getArticleId(), event);
		send(this.properties.sectionTopic(event.getSection()), event.getArticleId(), event);
	}

	@Override
	public void latest(ArticlePublished event) {
		send(LATEST, event.getArticleId(), event);
	}

	@Override
	public void removeLatest(String articleId) {
		send(LATEST, articleId, KafkaNull.INSTANCE);
	}

	@Override
	public void state(ArticleState state) {
		send(STATE, state.articleId(), state.toRecord());
	}

	@Override
	public void status(ArticleSubmitted draft, ArticleStage stage, String reason) {
		this.stages.report(StageReporter.status(draft.getArticleId(), draft.getVersion(), stage, "publish",
				draft.getSubmittedAt(), reason));
	}

	private void send(String binding, String articleId, Object payload) {
		Message<Object> message = MessageBuilder.withPayload(payload).setHeader(KafkaHeaders.KEY, articleId).build();
		if (!this.bridge.send(binding, message)) {
			throw new IllegalStateException(
					"Kafka did not take the record of article " + articleId + " for " + binding);
		}
	}

}
