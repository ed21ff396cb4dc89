package io.pressline.platform.cloudevents;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Utils;

import io.pressline.event.ArticlePublished;
import io.pressline.event.PublicationEventType;
import io.pressline.event.serde.EventEncoding;

/**
 * The CloudEvents attributes of a published article's records, as Kafka headers in the
 * binary content mode of the CloudEvents Kafka protocol binding: {@code ce_specversion},
 * {@code ce_id}, {@code ce_source}, {@code ce_type}, {@code ce_time}, {@code ce_subject},
 * {@code ce_dataschema} and {@code content-type}, every value UTF-8 text. The record's
 * value stays the event's data as the serializer wrote it; {@code content-type} is what
 * that serializer says it writes ({@link EventEncoding}), so it follows the configured
 * serde format. A tombstone is a CloudEvent without data, so it has no
 * {@code content-type} nor {@code ce_dataschema}.
 *
 * <p>
 * The id is the article, its version and the kind of record ({@code published} for the
 * event on {@code articles.published} and the section's topic, which are one event, so a
 * site reading both can drop the second; {@code latest} for the state on
 * {@code articles.latest}), so a record written again after a transaction was retried
 * keeps its id.
 */
public final class CloudEventHeaders {

	/** The CloudEvents version these attributes follow. */
	public static final String SPEC_VERSION = "1.0";

	/** What every event type starts with; the rest is the event type in lower case. */
	public static final String TYPE_PREFIX = "org.pressline.article.";

	/** The header of the data's media type, the event's {@code datacontenttype}. */
	public static final String CONTENT_TYPE = "content-type";

	/** What the binding puts before an attribute's name to make its header's. */
	public static final String PREFIX = "ce_";

	/** The kind of record in the id of an event on the event topics. */
	static final String EVENT = "published";

	/** The kind of record in the id of a record on the latest-state topic. */
	static final String LATEST = "latest";

	private static final Map<Schema, URI> DATA_SCHEMAS = new ConcurrentHashMap<>();

	private final URI source;

	private final String contentType;

	/**
	 * @param source the events' {@code source}, for example
	 * {@code /pressline/publish-service}
	 * @param contentType the media type of the records' values
	 */
	public CloudEventHeaders(URI source, String contentType) {
		this.source = source;
		this.contentType = contentType;
	}

	/**
	 * Attributes whose {@code content-type} is the one the value serializer of these
	 * producer settings declares, asked once it is configured with them.
	 * @param source the events' source
	 * @param producerProperties the producer settings the records are written with
	 * @throws IllegalStateException if the serializer does not say what it writes
	 */
	public static CloudEventHeaders forProducer(URI source, Map<String, Object> producerProperties) {
		Object configured = producerProperties.get(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
		if (configured == null) {
			throw new IllegalStateException("No value serializer is configured (spring.kafka.producer.value-serializer)"
					+ ": the CloudEvents content-type of the published records is the serializer's");
		}
		try (Serializer<?> serializer = newSerializer(configured)) {
			serializer.configure(producerProperties, false);
			if (!(serializer instanceof EventEncoding encoding)) {
				throw new IllegalStateException("The value serializer " + serializer.getClass().getName()
						+ " does not say what media type it writes (it is no " + EventEncoding.class.getName()
						+ "), so the records cannot carry a CloudEvents content-type");
			}
			return new CloudEventHeaders(source, encoding.contentType());
		}
	}

	private static Serializer<?> newSerializer(Object configured) {
		try {
			Class<?> type = (configured instanceof Class<?> given) ? given
					: Class.forName(configured.toString().strip(), true, CloudEventHeaders.class.getClassLoader());
			return (Serializer<?>) Utils.newInstance(type);
		}
		catch (ClassNotFoundException | ClassCastException ex) {
			throw new IllegalStateException("The value serializer " + configured + " cannot be made: " + ex, ex);
		}
	}

	/** The media type every record with data carries. */
	public String contentType() {
		return this.contentType;
	}

	/** The events' source. */
	public URI source() {
		return this.source;
	}

	/** The headers of an event on {@code articles.published} and its section's topic. */
	public Map<String, Object> event(ArticlePublished event) {
		return headers(event, EVENT, true);
	}

	/** The headers of an article's latest state on {@code articles.latest}. */
	public Map<String, Object> latest(ArticlePublished event) {
		return headers(event, LATEST, true);
	}

	/**
	 * The headers of an article's latest state on {@code articles.latest}, from the
	 * headers {@link #event} gave for the same event: the same attributes in the same
	 * order but the id, without working them out again.
	 */
	public Map<String, Object> latest(ArticlePublished event, Map<String, Object> eventHeaders) {
		Map<String, Object> headers = new LinkedHashMap<>(eventHeaders);
		put(headers, PREFIX + "id", id(event.getArticleId(), event.getVersion(), LATEST));
		return headers;
	}

	/**
	 * The headers of the tombstone a retraction leaves on {@code articles.latest}: the
	 * retraction's attributes, without data.
	 */
	public Map<String, Object> latestRemoved(ArticlePublished retraction) {
		return headers(retraction, LATEST, false);
	}

	/**
	 * The CloudEvents type of an event type: {@code org.pressline.article.published} …
	 */
	public static String type(PublicationEventType eventType) {
		return TYPE_PREFIX + eventType.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The URI that names a schema and its version: its full name and its CRC-64-AVRO
	 * fingerprint (the one Avro's single-object encoding carries), for example
	 * {@code urn:pressline:avro:io.pressline.event.ArticlePublished:5f0e…}.
	 */
	public static URI dataSchema(Schema schema) {
		// Worked out once per schema: the fingerprint walks the whole schema, and every
		// published record asks for it.
		return DATA_SCHEMAS.computeIfAbsent(schema, (s) -> URI.create(String.format("urn:pressline:avro:%s:%016x",
				s.getFullName(), SchemaNormalization.parsingFingerprint64(s))));
	}

	/** The id of a record of one kind about one version of an article. */
	public static String id(String articleId, int version, String kind) {
		return articleId + ":" + version + ":" + kind;
	}

	private Map<String, Object> headers(ArticlePublished event, String kind, boolean withData) {
		Map<String, Object> headers = new LinkedHashMap<>();
		put(headers, PREFIX + "specversion", SPEC_VERSION);
		put(headers, PREFIX + "id", id(event.getArticleId(), event.getVersion(), kind));
		put(headers, PREFIX + "source", this.source.toString());
		put(headers, PREFIX + "type", type(event.getEventType()));
		put(headers, PREFIX + "time", event.getPublishedAt().toString());
		put(headers, PREFIX + "subject", event.getArticleId());
		if (withData) {
			put(headers, PREFIX + "dataschema", dataSchema(event.getSchema()).toString());
			put(headers, CONTENT_TYPE, this.contentType);
		}
		return headers;
	}

	private static void put(Map<String, Object> headers, String name, String value) {
		// As bytes, so that the binder's header mapper passes them on as they are.
		headers.put(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
