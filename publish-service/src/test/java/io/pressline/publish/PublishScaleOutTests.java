package io.pressline.publish;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.pressline.event.ArticlePublished;
import io.pressline.event.ArticleStage;
import io.pressline.event.ArticleStatus;
import io.pressline.event.PublicationEventType;
import io.pressline.event.serde.AvroEventDeserializer;
import io.pressline.testing.KafkaTest;
import io.pressline.testing.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two publish-service instances side by side, as a newsroom that outgrew one machine runs
 * them: every embargo is released by one of them, once, also when one instance stops
 * while its embargoes wait; and the instance that takes over an article knows what was
 * published of it, so a new version goes out as an update of the same article.
 */
@KafkaTest
class PublishScaleOutTests {

	private static final Duration WAIT = Duration.ofSeconds(90);

	private final List<ArticlePublished> seen = new ArrayList<>();

	@Test
	void twoInstancesReleaseEachEmbargoOnceAndTheSurvivorTakesOverTheOthersArticles() throws Exception {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			ids.add(UUID.randomUUID().toString());
		}
		Instant embargo;
		try (ConfigurableApplicationContext first = start("publish-a");
				ConfigurableApplicationContext second = start("publish-b");
				TopicProbe<SpecificRecord> status = probe("articles.status");
				TopicProbe<SpecificRecord> published = probe("articles.published")) {
			// long enough for both instances to hold them and one to stop before the end
			embargo = Instant.now().plusSeconds(25).truncatedTo(ChronoUnit.MILLIS);
			for (String id : ids) {
				PublishFixtures.sendEnriched(PublishFixtures.draft(id, 1).setEmbargoUntil(embargo));
			}
			Set<String> held = ConcurrentHashMap.newKeySet();
			await().atMost(WAIT).until(() -> {
				status.readToEnd()
					.stream()
					.filter((r) -> ids.contains(r.key()))
					.filter((r) -> ((ArticleStatus) r.value()).getStage() == ArticleStage.HELD)
					.forEach((r) -> held.add(r.key()));
				return held.size() == ids.size();
			});

			// One instance goes away before the embargoes end: the other takes its
			// partitions, reads their state and releases what it held.
			assertThat(Instant.now()).as("the first instance must stop before the embargo ends").isBefore(embargo);
			first.close();

			await().atMost(WAIT).until(() -> publications(published, ids).size() >= ids.size());
			// Releases are offered again by every owner that saw them; nothing more
			// may come of them.
			await().during(Duration.ofSeconds(3))
				.atMost(WAIT)
				.until(() -> publications(published, ids).size() == ids.size());
			Map<String, List<ArticlePublished>> byArticle = publications(published, ids).stream()
				.collect(Collectors.groupingBy(ArticlePublished::getArticleId));
			assertThat(byArticle).hasSize(ids.size());
			for (List<ArticlePublished> events : byArticle.values()) {
				assertThat(events).as("each embargoed article is published once").hasSize(1);
				ArticlePublished event = events.get(0);
				assertThat(event.getEventType()).isEqualTo(PublicationEventType.PUBLISHED);
				assertThat(event.getPublishedAt()).isAfterOrEqualTo(embargo).isBefore(embargo.plusSeconds(15));
			}

			// The survivor decides on every article now, the other's included: a new
			// version is an update of what was published, with its first publication.
			for (String id : ids.subList(0, 4)) {
				PublishFixtures.sendEnriched(PublishFixtures.draft(id, 2).setHeadline("Night buses return for good"));
			}
			await().atMost(WAIT).until(() -> publications(published, ids).size() >= ids.size() + 4);
			for (String id : ids.subList(0, 4)) {
				List<ArticlePublished> events = publications(published, List.of(id));
				assertThat(events).extracting(ArticlePublished::getEventType)
					.containsExactly(PublicationEventType.PUBLISHED, PublicationEventType.UPDATED);
				assertThat(events.get(1).getFirstPublishedAt()).isEqualTo(events.get(0).getFirstPublishedAt());
				assertThat(events.get(1).getSlug()).isEqualTo(events.get(0).getSlug());
			}
		}
	}

	/** Every publication event of these articles seen so far, in order. */
	private synchronized List<ArticlePublished> publications(TopicProbe<SpecificRecord> published, List<String> ids) {
		for (ConsumerRecord<String, SpecificRecord> record : published.readToEnd()) {
			if (record.value() instanceof ArticlePublished event) {
				this.seen.add(event);
			}
		}
		return this.seen.stream().filter((event) -> ids.contains(event.getArticleId())).toList();
	}

	private static ConfigurableApplicationContext start(String instance) {
		return new SpringApplicationBuilder(PublishApplication.class).run("--server.port=0",
				"--pressline.instance-id=" + instance);
	}

	private static TopicProbe<SpecificRecord> probe(String topic) {
		return TopicProbe.on(topic, new AvroEventDeserializer());
	}

}
