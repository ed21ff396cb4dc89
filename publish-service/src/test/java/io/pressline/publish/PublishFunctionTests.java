package io.pressline.publish;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;

import io.pressline.event.ArticleEnriched;
import io.pressline.event.ArticlePublished;
import io.pressline.event.ArticleStage;
import io.pressline.event.ArticleStatus;
import io.pressline.event.ArticleSubmitted;
import io.pressline.event.Enrichment;
import io.pressline.event.PublicationEventType;
import io.pressline.event.serde.AvroEventDeserializer;
import io.pressline.event.serde.AvroEventSerializer;
import io.pressline.testing.TestKafka;
import io.pressline.testing.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;

/** The publish function bound to a real broker. */
@ExtendWith(TestKafka.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublishFunctionTests {

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
	void anEnrichedArticleIsPublishedToBothTopicsWithItsVersion() throws Exception {
		String id = UUID.randomUUID().toString();
		ArticleEnriched enriched = enriched(id, 1, null);

		this.producer.send(new ProducerRecord<>("articles.enriched", id, enriched)).get();

		try (TopicProbe<SpecificRecord> published = TopicProbe.on("articles.published", new AvroEventDeserializer());
				TopicProbe<SpecificRecord> latest = TopicProbe.on("articles.latest", new AvroEventDeserializer());
				TopicProbe<SpecificRecord> status = TopicProbe.on("articles.status", new AvroEventDeserializer())) {
			ArticlePublished event = (ArticlePublished) published
				.await((r) -> id.equals(r.key()), Duration.ofSeconds(30))
				.value();
			assertThat(event.getVersion()).isEqualTo(1);
			assertThat(event.getEventType()).isEqualTo(PublicationEventType.PUBLISHED);
			assertThat(event.getHeadline()).isEqualTo("Night buses return");
			assertThat(event.getLanguage()).isEqualTo("en");
			assertThat(event.getEnrichment()).isEqualTo(enriched.getEnrichment());
			assertThat(event.getFirstPublishedAt()).isEqualTo(event.getPublishedAt());

			assertThat(latest.await((r) -> id.equals(r.key()), Duration.ofSeconds(10)).value()).isEqualTo(event);
			ArticleStatus stage = (ArticleStatus) status.await((r) -> id.equals(r.key()), Duration.ofSeconds(10))
				.value();
			assertThat(stage.getStage()).isEqualTo(ArticleStage.PUBLISHED);
		}
	}

	@Test
	void aSecondVersionIsAnUpdateKeepingTheFirstPublicationTime() throws Exception {
		String id = UUID.randomUUID().toString();
		this.producer.send(new ProducerRecord<>("articles.enriched", id, enriched(id, 1, null))).get();
		this.producer.send(new ProducerRecord<>("articles.enriched", id, enriched(id, 2, null))).get();

		try (TopicProbe<SpecificRecord> published = TopicProbe.on("articles.published", new AvroEventDeserializer())) {
			ArticlePublished first = (ArticlePublished) published
				.await((r) -> id.equals(r.key()), Duration.ofSeconds(30))
				.value();
			ArticlePublished second = (ArticlePublished) published
				.await((r) -> id.equals(r.key()), Duration.ofSeconds(30))
				.value();
			assertThat(second.getVersion()).isEqualTo(2);
			assertThat(second.getEventType()).isEqualTo(PublicationEventType.UPDATED);
			assertThat(second.getFirstPublishedAt()).isEqualTo(first.getFirstPublishedAt());
		}
	}

	@Test
	void anEmbargoedArticleIsHeldAndNotPublished() throws Exception {
		String id = UUID.randomUUID().toString();
		Instant embargo = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS);
		this.producer.send(new ProducerRecord<>("articles.enriched", id, enriched(id, 1, embargo))).get();

		try (TopicProbe<SpecificRecord> status = TopicProbe.on("articles.status", new AvroEventDeserializer());
				TopicProbe<SpecificRecord> published = TopicProbe.on("articles.published",
						new AvroEventDeserializer())) {
			ArticleStatus stage = (ArticleStatus) status.await((r) -> id.equals(r.key()), Duration.ofSeconds(30))
				.value();
			assertThat(stage.getStage()).isEqualTo(ArticleStage.HELD);
			assertThat(stage.getReason()).isEqualTo("embargoed until " + embargo);
			assertThat(published.readToEnd()).noneMatch((r) -> id.equals(r.key()));
		}
	}

	private static ArticleEnriched enriched(String id, int version, Instant embargoUntil) {
		Instant submitted = Instant.now();
		return ArticleEnriched.newBuilder()
			.setSubmission(ArticleSubmitted.newBuilder()
				.setArticleId(id)
				.setVersion(version)
				.setHeadline("Night buses return")
				.setBody("The night buses run again from Friday.")
				.setSection("local")
				.setEmbargoUntil(embargoUntil)
				.setSubmittedAt(submitted)
				.build())
			.setEnrichment(Enrichment.newBuilder()
				.setEngine("test")
				.setLanguage("en")
				.setLanguageConfidence(0.99)
				.setWordCount(10)
				.setSentenceCount(1)
				.setReadingTimeSeconds(2)
				.setEnrichedAt(submitted)
				.build())
			.build();
	}

}
