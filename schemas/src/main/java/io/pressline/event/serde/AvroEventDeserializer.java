package io.pressline.event.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads any Pressline event into its generated class, in either framing of
 * {@link WireFormat}, whatever the serializer of this service writes: a pipeline moving
 * to (or back from) the registry reads the records of both on its topics.
 * <ul>
 * <li>Single-object encoding ({@code C3 01} first): the writer schema is found by its
 * fingerprint among the current and every released schema.</li>
 * <li>The registry's framing (a zero byte and a 4-byte schema id first): the writer
 * schema is read from the registry at {@value WireFormat#REGISTRY_URL_CONFIG} (once per
 * id); a record of this kind with no registry configured is refused, naming the
 * setting.</li>
 * </ul>
 * Either way the writer schema is resolved to the current one, so records written before
 * or after a compatible schema change stay readable. A {@code null} value (a tombstone)
 * stays {@code null}.
 */
public class AvroEventDeserializer implements Deserializer<SpecificRecord> {

	private static final int HEADER_LENGTH = 10;

	private static final byte MARKER_0 = (byte) 0xC3;

	private static final byte MARKER_1 = (byte) 0x01;

	private static final int FRAME_LENGTH = 5;

	private static final byte MAGIC = 0;

	private final Map<Long, BinaryMessageDecoder<? extends SpecificRecord>> decoders = new HashMap<>();

	private final Map<String, Class<? extends SpecificRecord>> types = new HashMap<>();

	private final Map<Integer, DatumReader<SpecificRecord>> readers = new ConcurrentHashMap<>();

	private volatile SchemaRegistry registry;

	/**
	 * A deserializer that reads single-object encoding, and the registry's framing once
	 * configured with a registry.
	 */
	public AvroEventDeserializer() {
		for (Class<? extends SpecificRecord> type : EventSchemas.EVENT_TYPES) {
			register(type);
			this.types.put(EventSchemas.current(type).getFullName(), type);
		}
	}

	/** A deserializer that reads both framings, the registry's from this registry. */
	public AvroEventDeserializer(SchemaRegistry registry) {
		this();
		this.registry = registry;
	}

	/**
	 * A deserializer for a Kafka client made by hand, with the registry that client's
	 * settings name ({@value WireFormat#REGISTRY_URL_CONFIG}), if any.
	 */
	public static AvroEventDeserializer configuredBy(Map<String, ?> clientConfiguration) {
		AvroEventDeserializer deserializer = new AvroEventDeserializer();
		deserializer.configure(clientConfiguration, false);
		return deserializer;
	}

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		WireFormat.of(configs);
		SchemaRegistry named = WireFormat.registry(configs);
		if (named != null) {
			this.registry = named;
		}
	}

	private <T extends SpecificRecord> void register(Class<T> type) {
		Schema current = EventSchemas.current(type);
		BinaryMessageDecoder<T> decoder = new BinaryMessageDecoder<>(SpecificData.getForClass(type), current);
		this.decoders.put(SchemaNormalization.parsingFingerprint64(current), decoder);
		for (String version : EventSchemas.releasedVersions()) {
			Schema old = EventSchemas.released(version).get(current.getFullName());
			if (old != null) {
				decoder.addSchema(old);
				this.decoders.put(SchemaNormalization.parsingFingerprint64(old), decoder);
			}
		}
	}

	@Override
	public SpecificRecord deserialize(String topic, byte[] data) {
		if (data == null) {
			return null;
		}
		if (data.length >= FRAME_LENGTH && data[0] == MAGIC) {
			return readFramed(topic, data);
		}
		if (data.length < HEADER_LENGTH || data[0] != MARKER_0 || data[1] != MARKER_1) {
			throw new SerializationException("Record on topic " + topic + " is not a Pressline event: it starts with "
					+ "neither C3 01 (Avro single-object encoding) nor 00 and a schema id (a schema registry's framing)");
		}
		long fingerprint = ByteBuffer.wrap(data, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
		BinaryMessageDecoder<? extends SpecificRecord> decoder = this.decoders.get(fingerprint);
		if (decoder == null) {
			throw new SerializationException(String
				.format("Record on topic %s was written with an unknown schema (fingerprint %016x); "
						+ "it is not a Pressline event, or this reader's pressline-schemas is older than the writer's",
						topic, fingerprint));
		}
		try {
			return decoder.decode(data);
		}
		catch (IOException | AvroRuntimeException ex) {
			throw new SerializationException("Record on topic " + topic + " is corrupt: " + ex.getMessage(), ex);
		}
	}

	private SpecificRecord readFramed(String topic, byte[] data) {
		int id = ByteBuffer.wrap(data, 1, 4).getInt();
		SchemaRegistry registry = this.registry;
		if (registry == null) {
			throw new SerializationException("Record on topic " + topic + " is framed for a schema registry (schema id "
					+ id + "), and no registry is configured to read its schema: set pressline.serde.registry-url");
		}
		DatumReader<SpecificRecord> reader = this.readers.get(id);
		if (reader == null) {
			reader = reader(topic, id, registry.schema(id));
			this.readers.put(id, reader);
		}
		try {
			return reader.read(null,
					DecoderFactory.get().binaryDecoder(data, FRAME_LENGTH, data.length - FRAME_LENGTH, null));
		}
		catch (IOException | AvroRuntimeException ex) {
			throw new SerializationException("Record on topic " + topic + " is corrupt: " + ex.getMessage(), ex);
		}
	}

	@SuppressWarnings("unchecked")
	private DatumReader<SpecificRecord> reader(String topic, int id, Schema writer) {
		Class<? extends SpecificRecord> type = this.types.get(writer.getFullName());
		if (type == null) {
			throw new SerializationException(
					"Record on topic " + topic + " was written with schema " + id + " (" + writer.getFullName()
							+ ") of the registry at " + this.registry.url() + ", which is not a Pressline event");
		}
		return (DatumReader<SpecificRecord>) (DatumReader<?>) new SpecificDatumReader<>(writer,
				EventSchemas.current(type), SpecificData.getForClass(type));
	}

}
