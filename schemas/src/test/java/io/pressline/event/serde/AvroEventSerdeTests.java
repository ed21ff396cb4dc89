package io.pressline.event.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AvroEventSerdeTests {

	static {
		// The fixtures are built before any serializer is (a parameterized test's
		// arguments come first), and their builders need Avro to trust the event classes.
		EventSchemas.trust();
	}

	private final AvroEventSerializer serializer = new AvroEventSerializer();

	private final AvroEventDeserializer deserializer = new AvroEventDeserializer();

	static List<SpecificRecord> events() {
		return List.of(EventFixtures.councilDraft(), EventFixtures.councilEnriched(), EventFixtures.councilPublished(),
				EventFixtures.councilReceived(), EventFixtures.councilSecondVersion());
	}

	@ParameterizedTest
	@MethodSource("events")
	void everyEventTypeRoundTripsIntoItsGeneratedClass(SpecificRecord event) {
		byte[] bytes = this.serializer.serialize("articles.test", event);

		SpecificRecord read = this.deserializer.deserialize("articles.test", bytes);

		assertThat(read).isInstanceOf(event.getClass()).isEqualTo(event);
	}

	@ParameterizedTest
	@MethodSource("events")
	void writesWhatAvrosOwnSingleObjectEncoderWrites(SpecificRecord event) throws IOException {
		ByteArrayOutputStream avro = new ByteArrayOutputStream();
		new BinaryMessageEncoder<SpecificRecord>(SpecificData.getForClass(event.getClass()), event.getSchema())
			.encode(event, avro);

		assertThat(this.serializer.serialize("articles.test", event)).isEqualTo(avro.toByteArray());
	}

	@ParameterizedTest
	@MethodSource("events")
	void anEncodedEventIsWrittenAsItsEventOnEveryTopic(SpecificRecord event) {
		EncodedEvent<SpecificRecord> encoded = EncodedEvent.of(event);
		byte[] expected = this.serializer.serialize("articles.published", event);

		assertThat(this.serializer.serialize("articles.published", encoded)).isEqualTo(expected);
		assertThat(this.serializer.serialize("articles.published.local", encoded)).isEqualTo(expected);
		assertThat(
				this.deserializer.deserialize("articles.latest", this.serializer.serialize("articles.latest", encoded)))
			.isEqualTo(event);
	}

	@Test
	void anEncodedEventReadsAsItsEventAndCannotBeChanged() {
		SpecificRecord event = EventFixtures.councilPublished();
		EncodedEvent<SpecificRecord> encoded = EncodedEvent.of(event);

		assertThat(encoded.event()).isSameAs(event);
		assertThat(encoded.getSchema()).isEqualTo(event.getSchema());
		assertThat(encoded.get(0)).isEqualTo(event.get(0));
		assertThatThrownBy(() -> encoded.put(0, "another")).isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void aLargeEventAfterASmallOneIsWrittenWhole() {
		// The serializer reuses a buffer per thread: a larger record after a smaller one
		// must not keep the smaller one's length, nor a smaller one the larger's tail.
		io.pressline.event.ArticleSubmitted small = EventFixtures.councilDraft();
		io.pressline.event.ArticleSubmitted large = io.pressline.event.ArticleSubmitted.newBuilder(small)
			.setBody("word ".repeat(100_000))
			.build();

		for (SpecificRecord event : List.of(small, large, small)) {
			assertThat(this.deserializer.deserialize("articles.submitted",
					this.serializer.serialize("articles.submitted", event)))
				.isEqualTo(event);
		}
	}

	@Test
	void writesSingleObjectEncodingHeader() {
		byte[] bytes = this.serializer.serialize("articles.submitted", EventFixtures.councilDraft());

		assertThat(Arrays.copyOf(bytes, 2)).containsExactly(0xC3, 0x01);
	}

	@ParameterizedTest
	@MethodSource("events")
	void aConsumerWithOnlyTheAvscFileAndTheGenericReaderCanDecodeIt(SpecificRecord event) throws IOException {
		byte[] bytes = this.serializer.serialize("articles.test", event);
		String file = event.getSchema().getName() + ".avsc";
		Schema fromFile = new Schema.Parser().parse(Path.of("src/main/avro", file).toFile());

		GenericRecord read = new BinaryMessageDecoder<GenericRecord>(GenericData.get(), fromFile).decode(bytes);

		assertThat(read.getSchema().getFullName()).isEqualTo(event.getSchema().getFullName());
		assertThat(reEncode(read, fromFile)).as("nothing lost or altered").isEqualTo(bytes);
	}

	@Test
	void theGenericReaderSeesTheFieldsByName() throws IOException {
		byte[] bytes = this.serializer.serialize("articles.published", EventFixtures.councilPublished());
		Schema fromFile = new Schema.Parser().parse(Path.of("src/main/avro/ArticlePublished.avsc").toFile());

		GenericRecord read = new BinaryMessageDecoder<GenericRecord>(GenericData.get(), fromFile).decode(bytes);

		assertThat(read.get("headline")).hasToString("Council votes to widen cycle lanes on the ring road");
		assertThat(read.get("eventType")).hasToString("PUBLISHED");
		assertThat(((GenericRecord) read.get("enrichment")).get("wordCount")).isEqualTo(23);
	}

	private static byte[] reEncode(GenericRecord record, Schema schema) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(record, out);
		return out.toByteArray();
	}

	@Test
	void aTombstoneStaysNull() {
		assertThat(this.serializer.serialize("articles.latest", null)).isNull();
		assertThat(this.deserializer.deserialize("articles.latest", null)).isNull();
	}

	@Test
	void refusesBytesInNeitherFraming() {
		byte[] json = "{\"headline\":\"x\"}".getBytes();

		assertThatThrownBy(() -> this.deserializer.deserialize("articles.submitted", json))
			.isInstanceOf(SerializationException.class)
			.hasMessageContaining("articles.submitted")
			.hasMessageContaining("not a Pressline event")
			.hasMessageContaining("C3 01");
	}

	@Test
	void refusesAnUnknownSchemaFingerprint() {
		byte[] bytes = this.serializer.serialize("articles.submitted", EventFixtures.councilDraft());
		bytes[5] ^= 0x5A;

		assertThatThrownBy(() -> this.deserializer.deserialize("articles.submitted", bytes))
			.isInstanceOf(SerializationException.class)
			.hasMessageContaining("unknown schema");
	}

	@Test
	void refusesATruncatedPayload() {
		byte[] bytes = this.serializer.serialize("articles.submitted", EventFixtures.councilDraft());
		byte[] truncated = Arrays.copyOf(bytes, 30);

		assertThatThrownBy(() -> this.deserializer.deserialize("articles.submitted", truncated))
			.isInstanceOf(SerializationException.class)
			.hasMessageContaining("corrupt");
	}

}
