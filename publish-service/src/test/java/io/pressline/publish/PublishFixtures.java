package io.pressline.publish;

import java.time.Instant;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.pressline.event.ArticleEnriched;
import io.pressline.event.ArticlePublished;
import io.pressline.event.ArticleSubmitted;
import io.pressline.event.Enrichment;
import io.pressline.event.PublicationEventType;
import io.pressline.event.serde.AvroEventSerializer;
import io.pressline.event.serde.EventSchemas;
import io.pressline.testing.TestKafka;

/** Article versions and enrichments for the publish-service tests. */
public final class PublishFixtures {

	static {
		// Builders fill defaults by class name, which Avro allows only for trusted
		// classes; the services do this at start, plain unit tests here.
		EventSchemas.trust();
	}

	private PublishFixtures() {
	}

	public static ArticleSubmitted.Builder draft(String id, int version) {
		return ArticleSubmitted.newBuilder()
			.setArticleId(id)
			.setVersion(version)
			.setHeadline("Night buses return")
			.setBody("The night buses run again from Friday.")
			.setSection("local")
			.setSubmittedAt(Instant.now());
	}

	/** A draft as enrich-service would pass it on, with the test enrichment. */
	public static ArticleEnriched enriched(ArticleSubmitted submission) {
		return ArticleEnriched.newBuilder()
			.setSubmission(submission)
			.setEnrichment(enrichment(submission.getSubmittedAt()))
			.build();
	}

	/**
	 * Puts a draft on {@code articles.enriched} of the tests' broker, as enrich-service
	 * would.
	 */
	public static void sendEnriched(ArticleSubmitted.Builder draft) throws Exception {
		ArticleSubmitted submission = draft.build();
		try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()), new StringSerializer(),
				new AvroEventSerializer())) {
			producer.send(new ProducerRecord<>("articles.enriched", submission.getArticleId(), enriched(submission)))
				.get();
		}
	}

	/**
	 * The first version of article {@code a1} published at {@code at} in the local
	 * section, with the test enrichment; callers change what their case is about.
	 */
	public static ArticlePublished.Builder published(PublicationEventType type, Instant at) {
		return ArticlePublished.newBuilder()
			.setArticleId("a1")
			.setVersion(1)
			.setEventType(type)
			.setSlug("night-buses-a1")
			.setCanonicalUrl("https://news.example.org/local/night-buses-a1")
			.setHeadline("Night buses return")
			.setBody("The night buses run again from Friday.")
			.setBodyHtml("<p>The night buses run again from Friday.</p>\n")
			.setSection("local")
			.setLanguage("en")
			.setEnrichment(enrichment(at))
			.setSubmittedAt(at)
			.setFirstPublishedAt(at)
			.setPublishedAt(at);
	}

	public static Enrichment enrichment(Instant at) {
		return Enrichment.newBuilder()
			.setEngine("test")
			.setLanguage("en")
			.setLanguageConfidence(0.99)
			.setWordCount(10)
			.setSentenceCount(1)
			.setReadingTimeSeconds(2)
			.setEnrichedAt(at)
			.build();
	}

}
