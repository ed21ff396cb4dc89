package io.pressline.publish;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;

import io.pressline.event.serde.AvroEventDeserializer;
import io.pressline.event.serde.EventSchemas;

/**
 * Records as a producer on an older schema release wrote them: the fields that release
 * does not have are gone from the bytes, and the record is read back the way every
 * service reads its topics.
 */
public final class OldRecords {

	private OldRecords() {
	}

	/**
	 * The record as written with a released schema version and read back by the current
	 * deserializer.
	 * @param version a released version, such as {@code v4}
	 * @param record a record of the current schema
	 */
	@SuppressWarnings("unchecked")
	public static <T extends SpecificRecordBase> T asWrittenWith(String version, T record) throws IOException {
		Schema current = record.getSchema();
		Schema released = EventSchemas.released(version).get(current.getFullName());
		if (released == null) {
			throw new IllegalArgumentException(current.getFullName() + " is not in release " + version);
		}
		// Read the current bytes with the released schema, as an old consumer would...
		BinaryMessageDecoder<GenericRecord> oldReader = new BinaryMessageDecoder<>(GenericData.get(), released);
		oldReader.addSchema(current);
		GenericRecord old = oldReader.decode(currentBytes(record, current));
		// ...and write them again as an old producer would.
		ByteBuffer oldBytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), released).encode(old);
		byte[] bytes = new byte[oldBytes.remaining()];
		oldBytes.get(bytes);
		SpecificRecord read = new AvroEventDeserializer().deserialize("articles.test", bytes);
		return (T) read;
	}

	private static ByteBuffer currentBytes(SpecificRecordBase record, Schema current) throws IOException {
		return new BinaryMessageEncoder<SpecificRecordBase>(record.getSpecificData(), current).encode(record);
	}

}
