package io.pressline.event.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes any Pressline event as Avro binary, framed as the client's settings say
 * ({@value WireFormat#FORMAT_CONFIG}, see {@link WireFormat}):
 * <ul>
 * <li>{@code single-object} (the default): the two marker bytes {@code C3 01}, the 8-byte
 * CRC-64-AVRO fingerprint of the writer schema, then the payload. A consumer in any
 * language decodes it with the {@code .avsc} file alone.</li>
 * <li>{@code registry}: a zero byte, the 4-byte id of the writer schema in the schema
 * registry at {@value WireFormat#REGISTRY_URL_CONFIG}, then the payload, as Confluent's
 * and Apicurio's deserializers read it. The schema is registered under the subject
 * {@code <topic>-value}, with the compatibility rule
 * {@value SchemaRegistry#COMPATIBILITY}, the first time an event type is written to a
 * topic.</li>
 * </ul>
 * Kafka configures it when it is named by class; made by hand, it writes single-object
 * unless built with a registry or configured. Its media type is {@value #CONTENT_TYPE}
 * either way.
 */
public class AvroEventSerializer implements Serializer<SpecificRecord>, EventEncoding {

	/** The media type of Avro single-object encoded values. */
	public static final String CONTENT_TYPE = "application/avro";

	private static final byte MAGIC = 0;

	private final Map<Class<?>, BinaryMessageEncoder<SpecificRecord>> encoders = new ConcurrentHashMap<>();

	private final Map<Class<?>, SpecificDatumWriter<SpecificRecord>> writers = new ConcurrentHashMap<>();

	private final Map<String, Integer> ids = new ConcurrentHashMap<>();

	private volatile SchemaRegistry registry;

	/** A serializer that writes single-object encoding until configured otherwise. */
	public AvroEventSerializer() {
		EventSchemas.trust();
	}

	/** A serializer that writes the registry's framing, with schemas registered there. */
	public AvroEventSerializer(SchemaRegistry registry) {
		this();
		this.registry = registry;
	}

	/**
	 * A serializer for a Kafka client made by hand, framing as that client's settings say
	 * (a producer's configuration with {@value WireFormat#FORMAT_CONFIG}).
	 */
	public static AvroEventSerializer configuredBy(Map<String, ?> clientConfiguration) {
		AvroEventSerializer serializer = new AvroEventSerializer();
		serializer.configure(clientConfiguration, false);
		return serializer;
	}

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		WireFormat format = WireFormat.of(configs);
		SchemaRegistry named = WireFormat.registry(configs);
		if (format == WireFormat.REGISTRY && named == null) {
			throw new ConfigException(WireFormat.FORMAT_CONFIG + "=registry needs the registry's URL in "
					+ WireFormat.REGISTRY_URL_CONFIG + " (the setting pressline.serde.registry-url)");
		}
		this.registry = (format == WireFormat.REGISTRY) ? named : null;
	}

	/** The framing this serializer writes. */
	public WireFormat format() {
		return (this.registry != null) ? WireFormat.REGISTRY : WireFormat.SINGLE_OBJECT;
	}

	@Override
	public byte[] serialize(String topic, SpecificRecord event) {
		if (event == null) {
			return null;
		}
		SchemaRegistry registry = this.registry;
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		try {
			if (registry != null) {
				writeFramed(registry, topic, event, out);
			}
			else {
				this.encoders
					.computeIfAbsent(event.getClass(),
							(type) -> new BinaryMessageEncoder<>(SpecificData.getForClass(type), event.getSchema()))
					.encode(event, out);
			}
		}
		catch (SerializationException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			throw new SerializationException(
					"Cannot write " + event.getSchema().getFullName() + " for topic " + topic + ": " + ex.getMessage(),
					ex);
		}
		return out.toByteArray();
	}

	@Override
	public String contentType() {
		return CONTENT_TYPE;
	}

	private void writeFramed(SchemaRegistry registry, String topic, SpecificRecord event, ByteArrayOutputStream out)
			throws IOException {
		String key = topic + '\n' + event.getClass().getName();
		Integer id = this.ids.get(key);
		if (id == null) {
			id = registry.register(SchemaRegistry.valueSubject(topic), event.getSchema());
			this.ids.put(key, id);
		}
		out.write(MAGIC);
		out.write(id >>> 24);
		out.write(id >>> 16);
		out.write(id >>> 8);
		out.write(id);
		BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
		this.writers
			.computeIfAbsent(event.getClass(),
					(type) -> new SpecificDatumWriter<>(event.getSchema(), SpecificData.getForClass(type)))
			.write(event, encoder);
		encoder.flush();
	}

}
