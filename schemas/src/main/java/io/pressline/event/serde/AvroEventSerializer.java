package io.pressline.event.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes any Pressline event as Avro single-object encoding: the two marker bytes
 * {@code C3 01}, the 8-byte CRC-64-AVRO fingerprint of the writer schema, then the Avro
 * binary payload. A consumer in any language decodes it with the {@code .avsc} file
 * alone. Its media type is {@value #CONTENT_TYPE}.
 */
public class AvroEventSerializer implements Serializer<SpecificRecord>, EventEncoding {

	/** The media type of Avro single-object encoded values. */
	public static final String CONTENT_TYPE = "application/avro";

	private final Map<Class<?>, BinaryMessageEncoder<SpecificRecord>> encoders = new ConcurrentHashMap<>();

	public AvroEventSerializer() {
		EventSchemas.trust();
	}

	@Override
	public byte[] serialize(String topic, SpecificRecord event) {
		if (event == null) {
			return null;
		}
		BinaryMessageEncoder<SpecificRecord> encoder = this.encoders.computeIfAbsent(event.getClass(),
				(type) -> new BinaryMessageEncoder<>(SpecificData.getForClass(type), event.getSchema()));
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		try {
			encoder.encode(event, out);
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

}
