package io.pressline.event.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.pressline.event.ArticleEnriched;
import io.pressline.event.ArticlePublished;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every current schema must read data written with each released version (backward), and
 * each released version must read data written with the current schema (forward). A
 * release is made by copying {@code src/main/avro} to {@code released/vN} and listing it
 * in {@code released/versions.txt}.
 */
class SchemaCompatibilityTests {

	static List<Arguments> releasedSchemas() {
		List<Arguments> cases = new ArrayList<>();
		for (String version : EventSchemas.releasedVersions()) {
			for (Map.Entry<String, Schema> entry : EventSchemas.released(version).entrySet()) {
				cases.add(Arguments.of(version, entry.getKey(), entry.getValue()));
			}
		}
		return cases;
	}

	@Test
	void atLeastOneVersionIsReleasedAndEveryEventTypeIsInTheLatest() {
		List<String> versions = EventSchemas.releasedVersions();
		assertThat(versions).isNotEmpty();
		Map<String, Schema> latest = EventSchemas.released(versions.get(versions.size() - 1));
		assertThat(latest).hasSameSizeAs(EventSchemas.EVENT_TYPES);
	}

	@ParameterizedTest(name = "{1} {0}")
	@MethodSource("releasedSchemas")
	void currentAndReleasedSchemasReadEachOther(String version, String event, Schema released) {
		Schema current = EventSchemas.current(currentType(event));

		assertCompatible(current, released);
	}

	@ParameterizedTest(name = "{1} {0}")
	@MethodSource("releasedSchemas")
	void recordsWrittenWithTheReleasedSchemaReachTheGeneratedClass(String version, String event, Schema released)
			throws IOException {
		byte[] old = encode(SampleRecords.of(released), released);

		SpecificRecord read = new AvroEventDeserializer().deserialize("articles.test", old);

		assertThat(read).isInstanceOf(currentType(event));
	}

	@ParameterizedTest(name = "{1} {0}")
	@MethodSource("releasedSchemas")
	void aReaderOnTheReleasedSchemaReadsRecordsWrittenWithTheCurrentOne(String version, String event, Schema released)
			throws IOException {
		Schema current = EventSchemas.current(currentType(event));
		byte[] fresh = encode(SampleRecords.of(current), current);
		BinaryMessageDecoder<GenericRecord> oldReader = new BinaryMessageDecoder<>(GenericData.get(), released);
		oldReader.addSchema(current);

		GenericRecord read = oldReader.decode(fresh);

		assertThat(GenericData.get().validate(released, read)).isTrue();
	}

	@Test
	void recordsWrittenBeforeV5ReadWithoutAnEmbargoOrTopicConfidence() throws IOException {
		Schema published = EventSchemas.released("v4").get(ArticlePublished.getClassSchema().getFullName());
		Schema enriched = EventSchemas.released("v4").get(ArticleEnriched.getClassSchema().getFullName());
		AvroEventDeserializer deserializer = new AvroEventDeserializer();

		ArticlePublished oldPublished = (ArticlePublished) deserializer.deserialize("articles.published",
				encode(SampleRecords.of(published), published));
		ArticleEnriched oldEnriched = (ArticleEnriched) deserializer.deserialize("articles.enriched",
				encode(SampleRecords.of(enriched), enriched));

		assertThat(oldPublished.getEmbargoUntil()).isNull();
		assertThat(oldPublished.getEnrichment().getTopics()).isNotEmpty()
			.allSatisfy((topic) -> assertThat(topic.getConfidence()).isNull());
		assertThat(oldEnriched.getEnrichment().getTopics()).isNotEmpty()
			.allSatisfy((topic) -> assertThat(topic.getConfidence()).isNull());
		// what v4 had is all there
		assertThat(oldPublished.getEnrichment().getTopics().get(0).getScore()).isEqualTo(0.5);
		assertThat(oldEnriched.getSubmission().getEmbargoUntil()).isNotNull();
	}

	@Test
	void theCheckRefusesAFieldAddedWithoutDefault() {
		Schema current = EventSchemas.current(io.pressline.event.ArticleStatus.class);
		String json = current.toString()
			.replace("\"fields\":[",
					"\"fields\":[{\"name\":\"priority\",\"type\":\"int\",\"doc\":\"added without a default\"},");
		Schema broken = new Schema.Parser().parse(json);

		assertThatThrownBy(() -> assertCompatible(broken, current)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("priority");
	}

	private static void assertCompatible(Schema current, Schema released) {
		assertDirection("current reads released", current, released);
		assertDirection("released reads current", released, current);
	}

	private static void assertDirection(String direction, Schema reader, Schema writer) {
		SchemaCompatibility.SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(reader,
				writer);
		assertThat(result.getType()).as("%s: %s", direction, result.getResult().getIncompatibilities())
			.isEqualTo(SchemaCompatibilityType.COMPATIBLE);
	}

	private static Class<? extends SpecificRecord> currentType(String fullName) {
		return EventSchemas.EVENT_TYPES.stream()
			.filter((type) -> EventSchemas.current(type).getFullName().equals(fullName))
			.findFirst()
			.orElseThrow(() -> new AssertionError("Released event " + fullName + " has no current schema"));
	}

	private static byte[] encode(GenericRecord record, Schema schema) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(record, out);
		return out.toByteArray();
	}

}
