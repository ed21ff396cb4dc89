package io.pressline.publish.publication;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.pressline.event.ArticlePublished;
import io.pressline.event.PublicationEventType;
import io.pressline.event.serde.AvroEventSerializer;
import io.pressline.event.serde.EncodedEvent;
import io.pressline.platform.cloudevents.CloudEventHeaders;
import io.pressline.platform.kafka.BindingRecords;
import io.pressline.publish.PublishFixtures;
import io.pressline.publish.PublishProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An edition is encoded once for its three topics, and a retraction's event once for its
 * two, with each topic's CloudEvents headers.
 */
class BindingPublicationRecordsTests {

	private static final Instant NOW = Instant.parse("2026-12-04T02:00:00Z");

	private final List<Sent> sent = new ArrayList<>();

	private final CloudEventHeaders cloudEvents = new CloudEventHeaders(URI.create("/pressline/publish-service"),
			AvroEventSerializer.CONTENT_TYPE);

	private final BindingPublicationRecords records = new BindingPublicationRecords(new Recording(), null,
			new PublishProperties("https://news.example.org", List.of("local"), "local", null, "articles.published.",
					10, null, null, null, null),
			this.cloudEvents);

	@Test
	void anEditionGoesToItsThreeTopicsFromOneEncoding() {
		ArticlePublished event = event(PublicationEventType.PUBLISHED);

		this.records.edition(event);

		assertThat(this.sent).extracting(Sent::binding)
			.containsExactly(BindingPublicationRecords.PUBLISHED, "articles.published.local",
					BindingPublicationRecords.LATEST);
		Object value = this.sent.get(0).value();
		assertThat(value).isInstanceOfSatisfying(EncodedEvent.class,
				(encoded) -> assertThat(encoded.event()).isSameAs(event));
		assertThat(this.sent).allSatisfy((record) -> assertThat(record.value()).isSameAs(value));
		assertThat(this.sent).extracting((record) -> text(record.headers().get("ce_id")))
			.containsExactly("a1:1:published", "a1:1:published", "a1:1:latest");
		assertThat(texts(this.sent.get(0).headers())).isEqualTo(texts(this.cloudEvents.event(event)));
		assertThat(texts(this.sent.get(2).headers())).as("the latest state's, in their order")
			.isEqualTo(texts(this.cloudEvents.latest(event)));
	}

	@Test
	void aRetractionsEventGoesToTheStreamAndTheSectionFromOneEncoding() {
		ArticlePublished retraction = event(PublicationEventType.RETRACTED);

		this.records.published(retraction);
		this.records.removeLatest(retraction);

		assertThat(this.sent).extracting(Sent::binding)
			.containsExactly(BindingPublicationRecords.PUBLISHED, "articles.published.local",
					BindingPublicationRecords.LATEST);
		assertThat(this.sent.get(0).value()).isInstanceOf(EncodedEvent.class).isSameAs(this.sent.get(1).value());
		assertThat(this.sent.get(2).value()).as("the tombstone").isNull();
	}

	private static ArticlePublished event(PublicationEventType type) {
		return PublishFixtures.published(type, NOW).build();
	}

	private static List<String> texts(Map<String, ?> headers) {
		return headers.entrySet().stream().map((header) -> header.getKey() + "=" + text(header.getValue())).toList();
	}

	private static String text(Object header) {
		return new String((byte[]) header, java.nio.charset.StandardCharsets.UTF_8);
	}

	private record Sent(String binding, Object value, Map<String, ?> headers) {
	}

	/** The records as they would be written, kept instead. */
	private final class Recording extends BindingRecords {

		Recording() {
			super(null, null, null, null, false);
		}

		@Override
		public void send(String binding, String key, Object value, Map<String, ?> headers) {
			BindingPublicationRecordsTests.this.sent.add(new Sent(binding, value, headers));
		}

	}

}
