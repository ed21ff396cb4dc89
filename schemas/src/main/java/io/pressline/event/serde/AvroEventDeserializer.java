package io.pressline.event.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads any Pressline event written in Avro single-object encoding into its generated
 * class. The writer schema is found by its fingerprint among the current and every
 * released schema, and resolved to the current one, so records written before or after a
 * compatible schema change stay readable. A {@code null} value (a tombstone) stays
 * {@code null}.
 */
public class AvroEventDeserializer implements Deserializer<SpecificRecord> {

	private static final int HEADER_LENGTH = 10;

	private static final byte MARKER_0 = (byte) 0xC3;

	private static final byte MARKER_1 = (byte) 0x01;

	private final Map<Long, BinaryMessageDecoder<? extends SpecificRecord>> decoders = new HashMap<>();

	public AvroEventDeserializer() {
		for (Class<? extends SpecificRecord> type : EventSchemas.EVENT_TYPES) {
			register(type);
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
		if (data.length < HEADER_LENGTH || data[0] != MARKER_0 || data[1] != MARKER_1) {
			throw new SerializationException("Record on topic " + topic
					+ " is not Avro single-object encoded: it does not start with the marker C3 01");
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

}
