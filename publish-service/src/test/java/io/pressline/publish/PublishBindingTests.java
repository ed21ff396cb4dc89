package io.pressline.publish;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.stream.binder.test.InputDestination;
import org.springframework.cloud.stream.binder.test.OutputDestination;
import org.springframework.cloud.stream.binder.test.TestChannelBinderConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import io.pressline.event.ArticleEnriched;
import io.pressline.event.ArticlePublished;
import io.pressline.event.ArticleStage;
import io.pressline.event.ArticleStatus;
import io.pressline.event.PublicationEventType;
import io.pressline.event.PublicationState;
import io.pressline.publish.ledger.PartitionRestore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code publish} function and its output bindings as {@code application.yml}
 * declares them, driven through Spring Cloud Stream's test binder: which records a
 * version leads to, on which destinations, and how an embargo's end leaves as a release
 * and comes back. No broker: restoring a partition's state from Kafka is the broker
 * tests' part.
 */
@SpringBootTest(properties = { "spring.cloud.stream.default-binder=integration", "spring.kafka.admin.auto-create=false",
		"pressline.publish.check-co-partitioning=false" })
@Import({ TestChannelBinderConfiguration.class, PublishBindingTests.NothingToRestore.class })
class PublishBindingTests {

	/**
	 * One binding reads both topics: the test binder names its destination after both.
	 */
	private static final String INPUT = "articles.enriched,articles.releases";

	@Autowired
	private InputDestination input;

	@Autowired
	private OutputDestination output;

	private long offset;

	@Test
	void aVersionGoesToThePublishedTopicItsSectionTheLatestStateTheStateAndTheStatus() {
		send(PublishFixtures.enriched(PublishFixtures.draft("p1", 1).build()), "articles.enriched");

		ArticlePublished event = payload(this.output.receive(30_000, "articles.published"));
		assertThat(event.getArticleId()).isEqualTo("p1");
		assertThat(event.getEventType()).isEqualTo(PublicationEventType.PUBLISHED);
		assertThat((ArticlePublished) payload(this.output.receive(5_000, "articles.published.local"))).isEqualTo(event);
		assertThat((ArticlePublished) payload(this.output.receive(5_000, "articles.latest"))).isEqualTo(event);
		PublicationState state = payload(this.output.receive(5_000, "articles.publish-state"));
		assertThat(state.getDecidedVersion()).isEqualTo(1);
		ArticleStatus status = payload(this.output.receive(5_000, "articles.status"));
		assertThat(status.getStage()).isEqualTo(ArticleStage.PUBLISHED);
	}

	@Test
	void anEmbargoEndsAsAReleaseOnItsTopicAndTheReleaseReadBackIsPublished() {
		Instant embargo = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
		ArticleEnriched held = PublishFixtures
			.enriched(PublishFixtures.draft("p2", 1).setEmbargoUntil(embargo).build());
		send(held, "articles.enriched");
		ArticleStatus status = payload(this.output.receive(30_000, "articles.status"));
		assertThat(status.getStage()).isEqualTo(ArticleStage.HELD);

		Message<?> release = this.output.receive(10_000, "articles.releases");
		assertThat(release).as("the held version, offered again once its embargo ended").isNotNull();
		assertThat(release.getHeaders().get(KafkaHeaders.KEY)).isEqualTo("p2");
		assertThat((ArticleEnriched) payload(release)).isEqualTo(held);

		send(payload(release), "articles.releases");
		ArticlePublished event = payload(this.output.receive(30_000, "articles.published"));
		assertThat(event.getArticleId()).isEqualTo("p2");
		assertThat(event.getPublishedAt()).isAfterOrEqualTo(embargo);
	}

	/** One version as a batch of one, its headers lists as the binder gives them. */
	private void send(ArticleEnriched version, String topic) {
		@SuppressWarnings({ "rawtypes", "unchecked" })
		Message<byte[]> message = (Message) MessageBuilder.withPayload(List.of(version))
			.setHeader(KafkaHeaders.RECEIVED_KEY, List.of(version.getSubmission().getArticleId()))
			.setHeader(KafkaHeaders.RECEIVED_TOPIC, List.of(topic))
			.setHeader(KafkaHeaders.RECEIVED_PARTITION, List.of(0))
			.setHeader(KafkaHeaders.OFFSET, List.of(this.offset++))
			.build();
		this.input.send(message, INPUT);
	}

	@SuppressWarnings("unchecked")
	private static <T> T payload(Message<?> message) {
		assertThat(message).isNotNull();
		return (T) message.getPayload();
	}

	/** No state to read back when no Kafka is there: every partition starts empty. */
	@TestConfiguration(proxyBeanMethods = false)
	static class NothingToRestore {

		@Bean
		@Primary
		PartitionRestore nothingToRestore() {
			return (partitions) -> {
			};
		}

	}

}
