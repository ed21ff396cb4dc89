package io.pressline.publish.asyncapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.avro.specific.SpecificRecord;
import tools.jackson.databind.json.JsonMapper;

import io.pressline.event.PublicationEventType;
import io.pressline.event.serde.EventSchemas;
import io.pressline.platform.PipelineTopics;
import io.pressline.platform.cloudevents.CloudEventHeaders;
import io.pressline.platform.deadletter.DeadLetterHandling;
import io.pressline.publish.asyncapi.TopicCatalogue.Headers;
import io.pressline.publish.asyncapi.TopicCatalogue.Party;
import io.pressline.publish.asyncapi.TopicCatalogue.Topic;

/**
 * The AsyncAPI 3.0 document of the pipeline's topics: a channel per topic with its Kafka
 * binding (partitions, replicas, compaction, record size), a message per kind of record
 * (the key, the Avro value schema as the {@code .avsc} says it, the headers, the
 * CloudEvents ones among them), and an operation for each service, site or operator that
 * writes or reads it, named after the binding in the service's configuration. Built as
 * plain maps and lists in a fixed order, so that it serializes the same every time.
 */
public final class AsyncApiDocument {

	static final String VERSION = "3.0.0";

	static final String AVRO_FORMAT = "application/vnd.apache.avro+json;version=1.9.0";

	static final String KAFKA_BINDING_VERSION = "0.5.0";

	/** Where a service, binding or group is named in an operation. */
	static final String SERVICE = "x-pressline-service";

	static final String BINDING = "x-pressline-binding";

	private final JsonMapper json = JsonMapper.builder().build();

	private final PipelineTopics topics;

	private final List<Topic> catalogue;

	private final CloudEventHeaders cloudEvents;

	private final String bootstrapServers;

	private final String version;

	/**
	 * @param topics the pipeline's topic settings
	 * @param catalogue its topics
	 * @param cloudEvents the CloudEvents attributes the records carry
	 * @param bootstrapServers the brokers, for the server entry
	 * @param version the document's version: the release of the services
	 */
	public AsyncApiDocument(PipelineTopics topics, List<Topic> catalogue, CloudEventHeaders cloudEvents,
			String bootstrapServers, String version) {
		this.topics = topics;
		this.catalogue = catalogue;
		this.cloudEvents = cloudEvents;
		this.bootstrapServers = bootstrapServers;
		this.version = version;
	}

	/** The document, ready to be written as JSON. */
	public Map<String, Object> toMap() {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("asyncapi", VERSION);
		document.put("id", "urn:pressline:topics");
		document.put("info", info());
		document.put("defaultContentType", this.cloudEvents.contentType());
		document.put("servers", Map.of("kafka", ordered("host", this.bootstrapServers, "protocol", "kafka",
				"description", "The pipeline's Kafka cluster (spring.kafka.bootstrap-servers of the services).")));
		Map<String, Object> channels = new LinkedHashMap<>();
		Map<String, Object> operations = new LinkedHashMap<>();
		Set<String> messages = new LinkedHashSet<>();
		for (Topic topic : this.catalogue) {
			String channel = id(topic.address());
			String message = messageName(topic);
			messages.add(message);
			channels.put(channel, channel(topic, message));
			for (Party writer : topic.writers()) {
				operations.put(operationId(writer, "send", channel),
						operation("send", writer, topic, channel, message));
			}
			for (Party reader : topic.readers()) {
				operations.put(operationId(reader, "receive", channel),
						operation("receive", reader, topic, channel, message));
			}
		}
		document.put("channels", channels);
		document.put("operations", operations);
		document.put("components", components(messages));
		return document;
	}

	/** The document as JSON text. */
	public String toJson() {
		return this.json.writerWithDefaultPrettyPrinter().writeValueAsString(toMap()) + "\n";
	}

	private Map<String, Object> info() {
		return ordered("title", "Pressline topics", "version", this.version, "description",
				"Every Kafka topic of the Pressline pipeline: who writes it, who reads it, its key, the Avro schema of "
						+ "its values and its headers. Every record is keyed by article id. Values are Avro in "
						+ "the media type `" + this.cloudEvents.contentType() + "`; the records sites read ("
						+ this.topics.published() + ", its section topics, " + this.topics.latest()
						+ ") are CloudEvents in the binary mode of the Kafka protocol binding: their attributes "
						+ "are `ce_` headers. Made by publish-service from the configuration it runs with.");
	}

	private Map<String, Object> channel(Topic topic, String message) {
		Map<String, Object> configuration = new LinkedHashMap<>();
		configuration.put("cleanup.policy", List.of(topic.compacted() ? "compact" : "delete"));
		configuration.put("max.message.bytes", this.topics.maxMessageSize().toBytes());
		Map<String, Object> kafka = ordered("topic", topic.address(), "partitions", this.topics.partitions(),
				"replicas", (int) this.topics.replicationFactor(), "topicConfiguration", configuration,
				"bindingVersion", KAFKA_BINDING_VERSION);
		return ordered("address", topic.address(), "title", topic.address(), "description",
				topic.description() + (topic.compacted() ? " Compacted: the last record of each article is kept." : ""),
				"servers", List.of(reference("#/servers/kafka")), "messages",
				Map.of(message, reference("#/components/messages/" + message)), "bindings", Map.of("kafka", kafka));
	}

	private Map<String, Object> operation(String action, Party party, Topic topic, String channel, String message) {
		Map<String, Object> operation = new LinkedHashMap<>();
		operation.put("action", action);
		operation.put("channel", reference("#/channels/" + channel));
		operation.put("title", party.service() + ((party.binding() != null) ? " (" + party.binding() + ")" : "")
				+ (action.equals("send") ? " writes " : " reads ") + topic.address());
		operation.put("description", party.how());
		operation.put("messages", List.of(reference("#/channels/" + channel + "/messages/" + message)));
		if (party.group() != null) {
			operation.put("bindings",
					Map.of("kafka", ordered("groupId", ordered("type", "string", "enum", List.of(party.group())),
							"bindingVersion", KAFKA_BINDING_VERSION)));
		}
		operation.put(SERVICE, party.service());
		if (party.binding() != null) {
			operation.put(BINDING, party.binding());
		}
		return operation;
	}

	private Map<String, Object> components(Set<String> messageNames) {
		Map<String, Object> schemas = new LinkedHashMap<>();
		for (Class<? extends SpecificRecord> type : EventSchemas.EVENT_TYPES) {
			schemas.put(type.getSimpleName(), ordered("schemaFormat", AVRO_FORMAT, "schema",
					this.json.readTree(EventSchemas.current(type).toString())));
		}
		Map<String, Object> messages = new LinkedHashMap<>();
		for (Topic topic : this.catalogue) {
			String name = messageName(topic);
			if (messageNames.contains(name) && !messages.containsKey(name)) {
				messages.put(name, message(topic, name));
			}
		}
		Map<String, Object> components = new LinkedHashMap<>();
		components.put("schemas", schemas);
		components.put("messages", messages);
		return components;
	}

	private Map<String, Object> message(Topic topic, String name) {
		String type = topic.value().getSimpleName();
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("name", name);
		message.put("title", title(topic));
		message.put("contentType", this.cloudEvents.contentType());
		message.put("headers", headers(topic.headers()));
		message.put("payload", reference("#/components/schemas/" + type));
		message.put("bindings", Map.of("kafka",
				ordered("key", ordered("type", "string", "description",
						"The article id: every record about one article is on the " + "same partition, in order."),
						"bindingVersion", KAFKA_BINDING_VERSION)));
		return message;
	}

	private Map<String, Object> headers(Headers kind) {
		Map<String, Object> properties = new LinkedHashMap<>();
		List<String> required = new ArrayList<>();
		properties.put("traceparent", text("The W3C trace context of the request the article came in with."));
		switch (kind) {
			case CLOUD_EVENTS -> {
				properties.put("ce_specversion", constant(CloudEventHeaders.SPEC_VERSION, "CloudEvents version."));
				properties.put("ce_id",
						text("Stable for one record of one article version: <article id>:<version>:"
								+ "published on the event topics (the same on the section's copy), :latest on "
								+ this.topics.latest() + "."));
				properties.put("ce_source", constant(this.cloudEvents.source().toString(), "The writer."));
				List<String> types = new ArrayList<>();
				for (PublicationEventType eventType : PublicationEventType.values()) {
					types.add(CloudEventHeaders.type(eventType));
				}
				properties.put("ce_type",
						ordered("type", "string", "enum", types, "description", "What happened to the article."));
				properties.put("ce_time", ordered("type", "string", "format", "date-time", "description",
						"When the event was published (RFC 3339)."));
				properties.put("ce_subject", text("The article id."));
				properties.put("ce_dataschema",
						ordered("type", "string", "format", "uri", "description",
								"The Avro schema of the value, by full name and CRC-64-AVRO fingerprint; absent on a "
										+ "tombstone.",
								"examples",
								List.of(CloudEventHeaders
									.dataSchema(EventSchemas.current(io.pressline.event.ArticlePublished.class))
									.toString())));
				properties.put(CloudEventHeaders.CONTENT_TYPE, constant(this.cloudEvents.contentType(),
						"The media type of the value; absent on a tombstone."));
				required.addAll(List.of("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "ce_subject"));
			}
			case DEAD_LETTER -> {
				properties.put(DeadLetterHandling.STAGE_HEADER, text("The stage that failed."));
				properties.put(DeadLetterHandling.ERROR_HEADER, text("The error, in a line."));
				properties.put(DeadLetterHandling.ATTEMPTS_HEADER, text("How many attempts were made."));
				required.addAll(List.of(DeadLetterHandling.STAGE_HEADER, DeadLetterHandling.ERROR_HEADER,
						DeadLetterHandling.ATTEMPTS_HEADER));
			}
			case WEBHOOK_DEAD_LETTER -> {
				properties.put("pressline-site", text("The site whose webhook did not take the event."));
				properties.put("pressline-attempts", text("How many attempts were made."));
				properties.put("pressline-error", text("The last answer or error."));
				required.addAll(List.of("pressline-site", "pressline-attempts", "pressline-error"));
			}
			case TRACE -> {
			}
		}
		Map<String, Object> schema = new LinkedHashMap<>();
		schema.put("type", "object");
		schema.put("description", "Kafka record headers, each a UTF-8 string.");
		schema.put("properties", properties);
		if (!required.isEmpty()) {
			schema.put("required", required);
		}
		return schema;
	}

	private static String messageName(Topic topic) {
		String type = topic.value().getSimpleName();
		return switch (topic.headers()) {
			case CLOUD_EVENTS -> type + (topic.compacted() ? "Latest" : "Event");
			case DEAD_LETTER -> type + "DeadLetter";
			case WEBHOOK_DEAD_LETTER -> type + "WebhookDeadLetter";
			case TRACE -> type;
		};
	}

	private static String title(Topic topic) {
		String type = topic.value().getSimpleName();
		return switch (topic.headers()) {
			case CLOUD_EVENTS -> type + (topic.compacted() ? ", the latest state (a CloudEvent)" : " (a CloudEvent)");
			case DEAD_LETTER -> type + " that failed, with the error";
			case WEBHOOK_DEAD_LETTER -> type + " that a site did not take";
			case TRACE -> type;
		};
	}

	/** A channel's id: its address, with what AsyncAPI ids do not take replaced. */
	static String id(String address) {
		return address.replaceAll("[^A-Za-z0-9_-]", "_");
	}

	static String operationId(Party party, String action, String channel) {
		String who = party.service() + ((party.binding() != null) ? "_" + party.binding() : "");
		return id(who.toLowerCase(Locale.ROOT) + "_" + action + "_" + channel);
	}

	private static Map<String, Object> reference(String pointer) {
		return Map.of("$ref", pointer);
	}

	private static Map<String, Object> text(String description) {
		return ordered("type", "string", "description", description);
	}

	private static Map<String, Object> constant(String value, String description) {
		return ordered("type", "string", "const", value, "description", description);
	}

	private static Map<String, Object> ordered(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

}
