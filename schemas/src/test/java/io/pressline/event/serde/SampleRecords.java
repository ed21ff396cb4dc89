package io.pressline.event.serde;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Fills any schema with deterministic values, so a compatibility test can write a record
 * with a schema it knows only as a file.
 */
final class SampleRecords {

	private SampleRecords() {
	}

	static GenericRecord of(Schema schema) {
		return (GenericRecord) value(schema);
	}

	private static Object value(Schema schema) {
		return switch (schema.getType()) {
			case RECORD -> {
				GenericData.Record record = new GenericData.Record(schema);
				schema.getFields().forEach((field) -> record.put(field.pos(), value(field.schema())));
				yield record;
			}
			// The last branch and the last symbol: the ones most likely added by a later
			// version.
			case UNION -> value(schema.getTypes().get(schema.getTypes().size() - 1));
			case ENUM ->
				new GenericData.EnumSymbol(schema, schema.getEnumSymbols().get(schema.getEnumSymbols().size() - 1));
			case ARRAY -> new GenericData.Array<>(schema,
					List.of(value(schema.getElementType()), value(schema.getElementType())));
			case MAP -> Map.of("key", value(schema.getValueType()));
			case FIXED -> new GenericData.Fixed(schema, new byte[schema.getFixedSize()]);
			case STRING -> "sample text";
			case BYTES -> ByteBuffer.wrap(new byte[] { 1, 2, 3 });
			case INT -> 7;
			case LONG -> 1_767_225_600_000L;
			case FLOAT -> 0.25f;
			case DOUBLE -> 0.5d;
			case BOOLEAN -> true;
			case NULL -> null;
		};
	}

}
