package io.pressline.event.serde;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
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
 * either way. An {@link EncodedEvent} is framed, not encoded again: its bytes are the
 * ones its event would give.
 */
public class AvroEventSerializer implements Serializer<SpecificRecord>, EventEncoding {

	/** The media type of Avro single-object encoded values. */
	public static final String CONTENT_TYPE = "application/avro";

	private static final byte MAGIC = 0;

	/** The single-object encoding's marker, before the schema's fingerprint. */
	private static final byte[] SINGLE_OBJECT_MARKER = { (byte) 0xC3, (byte) 0x01 };

	/** The length of the single-object header: the marker and the 8-byte fingerprint. */
	static final int SINGLE_OBJECT_HEADER_LENGTH = 10;

	/**
	 * A buffer larger than this is not kept for the thread's next record: a service may
	 * have a couple of hundred threads that write (ingest's HTTP threads), and a rare
	 * long article should not stay on the heap once for each. A 600-word published event
	 * with its HTML is about 9 KB.
	 */
	private static final int KEPT_BUFFER_BYTES = 64 * 1024;

	private static final ThreadLocal<Buffer> BUFFERS = ThreadLocal.withInitial(Buffer::new);

	private static final Map<Class<?>, EventWriter> WRITERS = new ConcurrentHashMap<>();

	private final Map<String, byte[]> registryFrames = new ConcurrentHashMap<>();

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
		try {
			SpecificRecord data = (event instanceof EncodedEvent<?> encoded) ? encoded.event() : event;
			EventWriter writer = writer(data);
			byte[] frame = frame(topic, data, writer);
			if (event instanceof EncodedEvent<?> encoded) {
				byte[] singleObject = encoded.singleObject();
				if (frame == writer.singleObjectHeader()) {
					// The same bytes for every topic: nothing to copy.
					return singleObject;
				}
				return framed(frame, singleObject, SINGLE_OBJECT_HEADER_LENGTH,
						singleObject.length - SINGLE_OBJECT_HEADER_LENGTH);
			}
			Buffer buffer = BUFFERS.get();
			try {
				writer.write(data, buffer);
				return framed(frame, buffer.bytes(), 0, buffer.size());
			}
			finally {
				buffer.release();
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
	}

	@Override
	public String contentType() {
		return CONTENT_TYPE;
	}

	/** An event in single-object encoding (see {@link EncodedEvent}). */
	static byte[] singleObject(SpecificRecord event) {
		Buffer buffer = BUFFERS.get();
		try {
			EventWriter writer = writer(event);
			writer.write(event, buffer);
			return framed(writer.singleObjectHeader(), buffer.bytes(), 0, buffer.size());
		}
		catch (IOException | RuntimeException ex) {
			throw new SerializationException("Cannot write " + event.getSchema().getFullName() + ": " + ex.getMessage(),
					ex);
		}
		finally {
			buffer.release();
		}
	}

	private static EventWriter writer(SpecificRecord event) {
		return WRITERS.computeIfAbsent(event.getClass(), (type) -> new EventWriter(event.getSchema(), type));
	}

	/**
	 * What goes before the payload: the single-object header, or the registry's frame.
	 */
	private byte[] frame(String topic, SpecificRecord event, EventWriter writer) {
		SchemaRegistry registry = this.registry;
		if (registry == null) {
			return writer.singleObjectHeader();
		}
		String key = topic + '\n' + event.getClass().getName();
		byte[] frame = this.registryFrames.get(key);
		if (frame == null) {
			int id = registry.register(SchemaRegistry.valueSubject(topic), event.getSchema());
			frame = new byte[] { MAGIC, (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id };
			this.registryFrames.put(key, frame);
		}
		return frame;
	}

	private static byte[] framed(byte[] frame, byte[] payload, int offset, int length) {
		byte[] bytes = new byte[frame.length + length];
		System.arraycopy(frame, 0, bytes, 0, frame.length);
		System.arraycopy(payload, offset, bytes, frame.length, length);
		return bytes;
	}

	/**
	 * The writer of one event type and its single-object header, the same datum writer
	 * Avro's own single-object encoder uses.
	 */
	private static final class EventWriter {

		private final SpecificDatumWriter<SpecificRecord> writer;

		private final byte[] singleObjectHeader;

		EventWriter(Schema schema, Class<?> type) {
			this.writer = new SpecificDatumWriter<>(schema, SpecificData.getForClass(type));
			long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
			this.singleObjectHeader = new byte[SINGLE_OBJECT_HEADER_LENGTH];
			System.arraycopy(SINGLE_OBJECT_MARKER, 0, this.singleObjectHeader, 0, SINGLE_OBJECT_MARKER.length);
			for (int i = 0; i < Long.BYTES; i++) {
				// Little-endian, as the single-object specification says.
				this.singleObjectHeader[SINGLE_OBJECT_MARKER.length + i] = (byte) (fingerprint >>> (8 * i));
			}
		}

		byte[] singleObjectHeader() {
			return this.singleObjectHeader;
		}

		void write(SpecificRecord event, Buffer buffer) throws IOException {
			BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(buffer, buffer.encoder);
			buffer.encoder = encoder;
			this.writer.write(event, encoder);
			encoder.flush();
		}

	}

	/**
	 * A thread's growing buffer for the payload being written, unsynchronized (one thread
	 * writes it), kept for the thread's next record unless it grew very large.
	 */
	private static final class Buffer extends OutputStream {

		private byte[] bytes = new byte[8192];

		private int size;

		private BinaryEncoder encoder;

		@Override
		public void write(int b) {
			ensure(1);
			this.bytes[this.size++] = (byte) b;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			ensure(len);
			System.arraycopy(b, off, this.bytes, this.size, len);
			this.size += len;
		}

		private void ensure(int more) {
			if (this.size + more > this.bytes.length) {
				this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.size + more));
			}
		}

		byte[] bytes() {
			return this.bytes;
		}

		int size() {
			return this.size;
		}

		void release() {
			this.size = 0;
			if (this.bytes.length > KEPT_BUFFER_BYTES) {
				BUFFERS.remove();
			}
		}

	}

}
