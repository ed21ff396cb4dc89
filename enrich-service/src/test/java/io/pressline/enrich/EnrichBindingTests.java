package io.pressline.enrich;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binder.test.InputDestination;
import org.springframework.cloud.stream.binder.test.OutputDestination;
import org.springframework.cloud.stream.binder.test.TestChannelBinderConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import io.pressline.event.ArticleEnriched;
import io.pressline.event.ArticleStage;
import io.pressline.event.ArticleStatus;
import io.pressline.event.ArticleSubmitted;
import io.pressline.event.SubmissionAction;
import io.pressline.event.SubmissionReason;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code enrich} function as bound in {@code application.yml}, driven through Spring
 * Cloud Stream's test binder, in batch mode as configured: what arrives on
 * {@code articles.submitted} leaves on {@code articles.enriched} keyed by its article,
 * with its stage on {@code articles.status}. No broker: the Kafka side is the broker
 * tests'.
 */
@SpringBootTest(
		properties = { "spring.cloud.stream.default-binder=integration", "spring.kafka.admin.auto-create=false" })
@Import(TestChannelBinderConfiguration.class)
class EnrichBindingTests {

	@Autowired
	private InputDestination input;

	@Autowired
	private OutputDestination output;

	private long offset;

	@Test
	void aDraftOnTheSubmittedTopicLeavesEnrichedOnTheEnrichedTopicWithItsStage() {
		ArticleSubmitted draft = draft("b1", SubmissionAction.PUBLISH,
				"ROTTERDAM, Netherlands — The port authority opened a new quay on Monday.");

		send(draft);

		Message<?> enriched = this.output.receive(30_000, "articles.enriched");
		assertThat(enriched).isNotNull();
		assertThat(enriched.getHeaders().get(KafkaHeaders.KEY)).isEqualTo("b1");
		ArticleEnriched event = (ArticleEnriched) (Object) enriched.getPayload();
		assertThat(event.getSubmission()).isEqualTo(draft);
		assertThat(event.getEnrichment().getEntities())
			.anySatisfy((entity) -> assertThat(entity.getName()).isEqualTo("Rotterdam"));
		Message<?> status = this.output.receive(5_000, "articles.status");
		assertThat(((ArticleStatus) (Object) status.getPayload()).getStage()).isEqualTo(ArticleStage.ENRICHED);
	}

	@Test
	void aRetractionPassesOnWithoutLanguageWork() {
		send(draft("b2", SubmissionAction.RETRACT, ""));

		Message<?> enriched = this.output.receive(30_000, "articles.enriched");
		ArticleEnriched event = (ArticleEnriched) (Object) enriched.getPayload();
		assertThat(event.getSubmission().getAction()).isEqualTo(SubmissionAction.RETRACT);
		assertThat(event.getEnrichment().getEntities()).isEmpty();
	}

	@Test
	void aReplayOfTheArchiveIsEnrichedWithItsReasonAndReportsNoStageOverTheEditorsOne() {
		ArticleSubmitted replay = ArticleSubmitted
			.newBuilder(draft("b3", SubmissionAction.PUBLISH,
					"ROTTERDAM, Netherlands — The port authority opened a new quay on Monday."))
			.setVersion(2)
			.setReason(SubmissionReason.REENRICHMENT)
			.setReplayOf(1)
			.setReplayedEnrichmentDigest("sha256:00")
			.build();

		send(replay);
		send(draft("b4", SubmissionAction.PUBLISH, "The quay opened on Monday."));

		ArticleEnriched event = (ArticleEnriched) (Object) this.output.receive(30_000, "articles.enriched")
			.getPayload();
		assertThat(event.getSubmission()).isEqualTo(replay);
		assertThat(event.getEnrichment().getEntities()).isNotEmpty();
		assertThat(((ArticleEnriched) (Object) this.output.receive(30_000, "articles.enriched").getPayload())
			.getSubmission()
			.getArticleId()).isEqualTo("b4");
		// Drafts are enriched in order: had the replay reported a stage, it would come
		// first.
		Message<?> status = this.output.receive(30_000, "articles.status");
		assertThat(((ArticleStatus) (Object) status.getPayload()).getArticleId()).isEqualTo("b4");
	}

	/**
	 * One draft as a batch of one, its headers lists as the binder gives them in batch
	 * mode.
	 */
	private void send(ArticleSubmitted draft) {
		@SuppressWarnings({ "rawtypes", "unchecked" })
		Message<byte[]> message = (Message) MessageBuilder.withPayload(List.of(draft))
			.setHeader(KafkaHeaders.RECEIVED_KEY, List.of(draft.getArticleId()))
			.setHeader(KafkaHeaders.RECEIVED_TOPIC, List.of("articles.submitted"))
			.setHeader(KafkaHeaders.RECEIVED_PARTITION, List.of(0))
			.setHeader(KafkaHeaders.OFFSET, List.of(this.offset++))
			.build();
		this.input.send(message, "articles.submitted");
	}

	private static ArticleSubmitted draft(String id, SubmissionAction action, String body) {
		return ArticleSubmitted.newBuilder()
			.setArticleId(id)
			.setVersion(1)
			.setAction(action)
			.setHeadline("Port opens a quay")
			.setBody(body)
			.setSubmittedAt(Instant.parse("2026-03-10T09:00:00Z"))
			.build();
	}

}
