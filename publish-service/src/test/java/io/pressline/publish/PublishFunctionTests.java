package io.pressline.publish;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import io.pressline.event.ArticlePublished;
import io.pressline.event.ArticleStage;
import io.pressline.event.ArticleStatus;
import io.pressline.event.ArticleSubmitted;
import io.pressline.event.PublicationEventType;
import io.pressline.event.SubmissionAction;
import io.pressline.event.serde.AvroEventDeserializer;
import io.pressline.event.serde.AvroEventSerializer;
import io.pressline.publish.ninjs.NinjsSchema;
import io.pressline.testing.KafkaTest;
import io.pressline.testing.TestKafka;
import io.pressline.testing.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The publish function and the read API, on a real broker. */
@KafkaTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class PublishFunctionTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@LocalServerPort
	private int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private KafkaProducer<String, SpecificRecord> producer;

	@BeforeEach
	void openProducer() {
		this.producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()), new StringSerializer(),
				new AvroEventSerializer());
	}

	@AfterEach
	void closeProducer() {
		this.producer.close();
	}

	@Test
	void anEnrichedArticleIsPublishedToTheStreamTheLatestStateAndItsSection() throws Exception {
		String id = UUID.randomUUID().toString();
		send(PublishFixtures.draft(id, 1));

		try (TopicProbe<SpecificRecord> published = probe("articles.published");
				TopicProbe<SpecificRecord> latest = probe("articles.latest");
				TopicProbe<SpecificRecord> local = probe("articles.published.local");
				TopicProbe<SpecificRecord> status = probe("articles.status")) {
			ArticlePublished event = (ArticlePublished) published.await((r) -> id.equals(r.key()), WAIT).value();
			assertThat(event.getVersion()).isEqualTo(1);
			assertThat(event.getEventType()).isEqualTo(PublicationEventType.PUBLISHED);
			assertThat(event.getHeadline()).isEqualTo("Night buses return");
			assertThat(event.getSlug()).isEqualTo("night-buses-return-" + id.substring(0, 8));
			assertThat(event.getCanonicalUrl()).isEqualTo("https://news.example.org/local/" + event.getSlug());
			assertThat(event.getBodyHtml()).isEqualTo("<p>The night buses run again from Friday.</p>\n");
			assertThat(event.getSection()).isEqualTo("local");
			assertThat(event.getLanguage()).isEqualTo("en");
			assertThat(event.getEnrichment().getEngine()).isEqualTo("test");
			assertThat(event.getEnrichment().getWordCount()).isEqualTo(10);
			assertThat(event.getFirstPublishedAt()).isEqualTo(event.getPublishedAt());

			assertThat(latest.await((r) -> id.equals(r.key()), WAIT).value()).isEqualTo(event);
			assertThat(local.await((r) -> id.equals(r.key()), WAIT).value()).isEqualTo(event);
			ArticleStatus stage = (ArticleStatus) status.await((r) -> id.equals(r.key()), WAIT).value();
			assertThat(stage.getStage()).isEqualTo(ArticleStage.PUBLISHED);
		}
		// The read API learns from articles.latest, as every instance's does.
		await().atMost(WAIT).until(() -> get("/api/v1/published/" + id).statusCode() == 200);
		HttpResponse<String> byId = get("/api/v1/published/" + id);
		assertThat(byId.body()).contains("\"headline\":\"Night buses return\"").contains("\"version\":1");
		HttpResponse<String> bySlug = get("/api/v1/published/by-slug/night-buses-return-" + id.substring(0, 8));
		assertThat(bySlug.statusCode()).isEqualTo(200);
		assertThat(bySlug.body()).contains("\"articleId\":\"" + id + "\"");
		assertThat(get("/api/v1/published/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
	}

	@Test
	void versionsArePublishedInOrderAsUpdatesAndCorrectionsAndStaleOnesAreIgnored() throws Exception {
		String id = UUID.randomUUID().toString();
		send(PublishFixtures.draft(id, 1));
		send(PublishFixtures.draft(id, 2));
		send(PublishFixtures.draft(id, 2));
		send(PublishFixtures.draft(id, 1));
		send(PublishFixtures.draft(id, 3)
			.setHeadline("Night buses return on Saturday")
			.setNote("The first day was Saturday, not Friday."));

		try (TopicProbe<SpecificRecord> published = probe("articles.published")) {
			published.await((r) -> id.equals(r.key()) && ((ArticlePublished) r.value()).getVersion() == 3, WAIT);
		}
		try (TopicProbe<SpecificRecord> published = probe("articles.published")) {
			List<ArticlePublished> events = published.readToEnd()
				.stream()
				.filter((r) -> id.equals(r.key()))
				.map((r) -> (ArticlePublished) r.value())
				.toList();
			assertThat(events).extracting(ArticlePublished::getVersion).containsExactly(1, 2, 3);
			assertThat(events).extracting(ArticlePublished::getEventType)
				.containsExactly(PublicationEventType.PUBLISHED, PublicationEventType.UPDATED,
						PublicationEventType.CORRECTED);
			ArticlePublished correction = events.get(2);
			assertThat(correction.getNote()).isEqualTo("The first day was Saturday, not Friday.");
			assertThat(correction.getHeadline()).isEqualTo("Night buses return on Saturday");
			assertThat(correction.getSlug()).isEqualTo(events.get(0).getSlug());
			assertThat(correction.getFirstPublishedAt()).isEqualTo(events.get(0).getFirstPublishedAt());
		}
	}

	@Test
	void aRetractionIsPublishedAndLeavesATombstoneOnTheLatestState() throws Exception {
		String id = UUID.randomUUID().toString();
		send(PublishFixtures.draft(id, 1));
		send(PublishFixtures.draft(id, 2)
			.setAction(SubmissionAction.RETRACT)
			.setHeadline("")
			.setBody("")
			.setNote("The council withdrew the plan."));

		try (TopicProbe<SpecificRecord> published = probe("articles.published");
				TopicProbe<SpecificRecord> latest = probe("articles.latest");
				TopicProbe<SpecificRecord> local = probe("articles.published.local");
				TopicProbe<SpecificRecord> status = probe("articles.status")) {
			ArticlePublished retraction = (ArticlePublished) published
				.await((r) -> id.equals(r.key()) && ((ArticlePublished) r.value()).getVersion() == 2, WAIT)
				.value();
			assertThat(retraction.getEventType()).isEqualTo(PublicationEventType.RETRACTED);
			assertThat(retraction.getBody()).isEmpty();
			assertThat(retraction.getNote()).isEqualTo("The council withdrew the plan.");
			assertThat(retraction.getHeadline()).isEqualTo("Night buses return");

			ConsumerRecord<String, SpecificRecord> tombstone = latest
				.await((r) -> id.equals(r.key()) && r.value() == null, WAIT);
			assertThat(tombstone.value()).isNull();
			assertThat(local.await((r) -> id.equals(r.key()) && r.value() instanceof ArticlePublished a
					&& a.getEventType() == PublicationEventType.RETRACTED, WAIT))
				.isNotNull();
			ArticleStatus stage = (ArticleStatus) status
				.await((r) -> id.equals(r.key()) && ((ArticleStatus) r.value()).getStage() == ArticleStage.RETRACTED,
						WAIT)
				.value();
			assertThat(stage.getReason()).isEqualTo("The council withdrew the plan.");
		}
		await().atMost(WAIT).until(() -> get("/api/v1/published/" + id).statusCode() == 410);
	}

	@Test
	void anEmbargoedArticleIsHeldThenReleasedWithinASecondOfItsTime() throws Exception {
		String id = UUID.randomUUID().toString();
		Instant embargo = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.MILLIS);
		send(PublishFixtures.draft(id, 1).setEmbargoUntil(embargo));

		try (TopicProbe<SpecificRecord> status = probe("articles.status");
				TopicProbe<SpecificRecord> published = probe("articles.published")) {
			ArticleStatus held = (ArticleStatus) status.await((r) -> id.equals(r.key()), WAIT).value();
			assertThat(held.getStage()).isEqualTo(ArticleStage.HELD);
			assertThat(held.getReason()).isEqualTo("embargoed until " + embargo);

			ArticlePublished event = (ArticlePublished) published.await((r) -> id.equals(r.key()), WAIT).value();
			assertThat(event.getPublishedAt()).isBetween(embargo, embargo.plusSeconds(1));
			assertThat(event.getEmbargoUntil()).isEqualTo(embargo);
		}
		// A site taking ninjs learns that the version was embargoed, and until when.
		await().atMost(WAIT).until(() -> get("/api/v1/published/" + id).statusCode() == 200);
		HttpResponse<String> ninjs = get("/api/v1/published/" + id + "?format=ninjs");
		NinjsSchema.assertValid(ninjs.body());
		assertThat(ninjs.body()).contains("\"embargoedUntil\":\"" + embargo + "\"");
	}

	@Test
	void aLegalHoldWaitsForAVersionWithoutIt() throws Exception {
		String id = UUID.randomUUID().toString();
		send(PublishFixtures.draft(id, 1).setLegalHold(true));

		try (TopicProbe<SpecificRecord> status = probe("articles.status");
				TopicProbe<SpecificRecord> published = probe("articles.published")) {
			ArticleStatus held = (ArticleStatus) status.await((r) -> id.equals(r.key()), WAIT).value();
			assertThat(held.getStage()).isEqualTo(ArticleStage.HELD);
			assertThat(held.getReason()).startsWith("on legal hold");

			send(PublishFixtures.draft(id, 2));
			ArticlePublished event = (ArticlePublished) published.await((r) -> id.equals(r.key()), WAIT).value();
			assertThat(event.getVersion()).isEqualTo(2);
			assertThat(event.getEventType()).isEqualTo(PublicationEventType.PUBLISHED);
		}
	}

	@Test
	void anArticleInAnUnknownSectionIsRejectedSayingWhy() throws Exception {
		String id = UUID.randomUUID().toString();
		send(PublishFixtures.draft(id, 1).setSection("gardening"));

		try (TopicProbe<SpecificRecord> status = probe("articles.status")) {
			ArticleStatus stage = (ArticleStatus) status.await((r) -> id.equals(r.key()), WAIT).value();
			assertThat(stage.getStage()).isEqualTo(ArticleStage.REJECTED);
			assertThat(stage.getReason()).startsWith("section 'gardening' is not one of news, politics");
		}
	}

	private void send(ArticleSubmitted.Builder draft) throws Exception {
		ArticleSubmitted submission = draft.build();
		this.producer
			.send(new ProducerRecord<>("articles.enriched", submission.getArticleId(),
					PublishFixtures.enriched(submission)))
			.get();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static TopicProbe<SpecificRecord> probe(String topic) {
		return TopicProbe.on(topic, new AvroEventDeserializer());
	}

}
