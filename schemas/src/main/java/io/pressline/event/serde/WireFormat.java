package io.pressline.event.serde;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;

/**
 * How Pressline's serializer frames the Avro binary of an event. Readers take both, so a
 * pipeline can move from one to the other while records of both are on its topics.
 */
public enum WireFormat {

	/**
	 * Avro's single-object encoding: {@code C3 01}, the schema's 8-byte fingerprint, the
	 * payload. Decoded with the {@code .avsc} files alone; no registry.
	 */
	SINGLE_OBJECT("single-object"),

	/**
	 * The framing of Confluent's and Apicurio's serdes: a zero byte, the schema's 4-byte
	 * id in a schema registry (big-endian), the payload. The schemas are registered in
	 * the registry under {@code <topic>-value}.
	 */
	REGISTRY("registry");

	/** The Kafka client setting (producer and consumer) that chooses the format. */
	public static final String FORMAT_CONFIG = "pressline.serde.format";

	/**
	 * The Kafka client setting with the URL of a registry that speaks the Confluent REST
	 * API: needed to write {@link #REGISTRY}, and to read records written so.
	 */
	public static final String REGISTRY_URL_CONFIG = "pressline.serde.registry-url";

	private final String value;

	WireFormat(String value) {
		this.value = value;
	}

	/** The name in settings, {@code single-object} or {@code registry}. */
	public String value() {
		return this.value;
	}

	/** The format a Kafka client's settings choose; single-object when none is set. */
	static WireFormat of(Map<String, ?> configs) {
		Object value = configs.get(FORMAT_CONFIG);
		if (value == null || value.toString().isBlank()) {
			return SINGLE_OBJECT;
		}
		if (value instanceof WireFormat format) {
			return format;
		}
		String name = value.toString().strip().toLowerCase(Locale.ROOT).replace('_', '-');
		for (WireFormat format : values()) {
			if (format.value.equals(name)) {
				return format;
			}
		}
		throw new ConfigException(FORMAT_CONFIG, value, "must be single-object or registry");
	}

	/** The registry a Kafka client's settings name, or {@code null} if none. */
	static SchemaRegistry registry(Map<String, ?> configs) {
		Object value = configs.get(REGISTRY_URL_CONFIG);
		if (value == null || value.toString().isBlank()) {
			return null;
		}
		try {
			return SchemaRegistry.at(URI.create(value.toString().strip()));
		}
		catch (IllegalArgumentException ex) {
			throw new ConfigException(REGISTRY_URL_CONFIG, value, ex.getMessage());
		}
	}

}
