package io.pressline.event.serde;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registry's framing, against a small stand-in for the three calls of the Confluent
 * REST API the serde makes. The real registry (Apicurio's) and a deserializer that is not
 * Pressline's are in pipeline-local's {@code RegistryEndToEndIT}.
 */
class RegistryFramingTests {

	private StubSchemaRegistry registry;

	static List<SpecificRecord> events() {
		return AvroEventSerdeTests.events();
	}

	@BeforeEach
	void startRegistry() {
		// A new URL for every test, so the clients' caches (one per URL) start empty.
		this.registry = StubSchemaRegistry.start();
	}

	@AfterEach
	void stopRegistry() {
		this.registry.close();
	}

	@ParameterizedTest
	@MethodSource("events")
	void writesAZeroByteTheSchemaIdAndThePlainBinaryPayload(SpecificRecord event) throws IOException {
		byte[] bytes = serializer(WireFormat.REGISTRY).serialize("articles.test", event);

		assertThat(bytes[0]).isZero();
		int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
		Schema registered = new Schema.Parser().parse(this.registry.schemas().get(id - 1));
		assertThat(registered).isEqualTo(event.getSchema());
		// Avro's own reader, given the registered schema, reads the rest.
		Object read = new SpecificDatumReader<>(registered, registered, SpecificData.getForClass(event.getClass()))
			.read(null, DecoderFactory.get().binaryDecoder(new ByteArrayInputStream(bytes, 5, bytes.length - 5), null));
		assertThat(read).isEqualTo(event);
	}

	@ParameterizedTest
	@MethodSource("events")
	void readsBothFramingsBackIntoTheGeneratedClass(SpecificRecord event) {
		AvroEventDeserializer reader = deserializer();

		assertThat(
				reader.deserialize("articles.test", serializer(WireFormat.REGISTRY).serialize("articles.test", event)))
			.isEqualTo(event);
		assertThat(reader.deserialize("articles.test",
				serializer(WireFormat.SINGLE_OBJECT).serialize("articles.test", event)))
			.isEqualTo(event);
	}

	@ParameterizedTest
	@MethodSource("events")
	void anEncodedEventIsFramedForEachTopicsSubjectAsItsEventIs(SpecificRecord event) {
		AvroEventSerializer serializer = serializer(WireFormat.REGISTRY);
		EncodedEvent<SpecificRecord> encoded = EncodedEvent.of(event);

		for (String topic : List.of("articles.published", "articles.published.local", "articles.latest")) {
			byte[] bytes = serializer.serialize(topic, encoded);
			assertThat(bytes).as(topic).isEqualTo(serializer.serialize(topic, event));
			assertThat(this.registry.registeredUnder(topic + "-value")).as(topic).isTrue();
			assertThat(deserializer().deserialize(topic, bytes)).as(topic).isEqualTo(event);
		}
	}

	@Test
	void setsTheSubjectsRuleBeforeItRegistersAndDoesBothOncePerTopic() {
		AvroEventSerializer serializer = serializer(WireFormat.REGISTRY);

		serializer.serialize("articles.submitted", EventFixtures.councilDraft());
		serializer.serialize("articles.submitted", EventFixtures.councilDraft());
		serializer.serialize("articles.status", EventFixtures.councilReceived());

		assertThat(this.registry.calls()).containsExactly("PUT config/articles.submitted-value",
				"POST subjects/articles.submitted-value/versions", "PUT config/articles.status-value",
				"POST subjects/articles.status-value/versions");
		assertThat(this.registry.rules()).containsEntry("articles.submitted-value", "FULL_TRANSITIVE")
			.containsEntry("articles.status-value", "FULL_TRANSITIVE");
	}

	@Test
	void readsEachSchemaFromTheRegistryOnce() {
		byte[] bytes = serializer(WireFormat.REGISTRY).serialize("articles.submitted", EventFixtures.councilDraft());
		AvroEventDeserializer reader = new AvroEventDeserializer();
		// Another URL of the same registry: a client with nothing cached.
		reader.configure(Map.of(WireFormat.REGISTRY_URL_CONFIG, this.registry.url().replace("localhost", "127.0.0.1")),
				false);
		this.registry.calls().clear();

		reader.deserialize("articles.submitted", bytes);
		reader.deserialize("articles.submitted", bytes);

		assertThat(this.registry.calls()).containsExactly("GET schemas/ids/" + ByteBuffer.wrap(bytes, 1, 4).getInt());
	}

	@Test
	void aRecordFramedForARegistryNeedsOneToBeRead() {
		byte[] bytes = serializer(WireFormat.REGISTRY).serialize("articles.submitted", EventFixtures.councilDraft());

		assertThatThrownBy(() -> new AvroEventDeserializer().deserialize("articles.submitted", bytes))
			.isInstanceOf(SerializationException.class)
			.hasMessageContaining("articles.submitted")
			.hasMessageContaining("pressline.serde.registry-url");
	}

	@Test
	void anIdTheRegistryDoesNotKnowIsAClearError() {
		byte[] bytes = { 0, 0, 0, 0x30, 0x39, 2, 4 };

		assertThatThrownBy(() -> deserializer().deserialize("articles.submitted", bytes))
			.isInstanceOf(SerializationException.class)
			.hasMessageContaining("id 12345")
			.hasMessageContaining("404");
	}

	@Test
	void aSchemaTheRegistryRefusesIsAClearError() {
		this.registry.refuse("articles.submitted-value");

		assertThatThrownBy(
				() -> serializer(WireFormat.REGISTRY).serialize("articles.submitted", EventFixtures.councilDraft()))
			.isInstanceOf(SerializationException.class)
			.hasMessageContaining("articles.submitted-value")
			.hasMessageContaining("409")
			.hasMessageContaining("Incompatible");
	}

	@Test
	void theRegistryFormatNeedsAUrl() {
		assertThatThrownBy(
				() -> new AvroEventSerializer().configure(Map.of(WireFormat.FORMAT_CONFIG, "registry"), false))
			.isInstanceOf(ConfigException.class)
			.hasMessageContaining("pressline.serde.registry-url");
		assertThatThrownBy(() -> new AvroEventSerializer().configure(Map.of(WireFormat.FORMAT_CONFIG, "json"), false))
			.isInstanceOf(ConfigException.class)
			.hasMessageContaining("single-object or registry");
	}

	@Test
	void writesSingleObjectWhenTheFormatSaysSoEvenWithARegistryNamed() {
		byte[] bytes = serializer(WireFormat.SINGLE_OBJECT).serialize("articles.test", EventFixtures.councilDraft());

		assertThat(bytes[0]).isEqualTo((byte) 0xC3);
		assertThat(this.registry.calls()).isEmpty();
	}

	private AvroEventSerializer serializer(WireFormat format) {
		AvroEventSerializer serializer = new AvroEventSerializer();
		serializer.configure(
				Map.of(WireFormat.FORMAT_CONFIG, format.value(), WireFormat.REGISTRY_URL_CONFIG, this.registry.url()),
				false);
		return serializer;
	}

	private AvroEventDeserializer deserializer() {
		AvroEventDeserializer deserializer = new AvroEventDeserializer();
		deserializer.configure(Map.of(WireFormat.REGISTRY_URL_CONFIG, this.registry.url()), false);
		return deserializer;
	}

}
