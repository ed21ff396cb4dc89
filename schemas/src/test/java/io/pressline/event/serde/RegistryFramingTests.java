package io.pressline.event.serde;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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

	private static final ObjectMapper JSON = new ObjectMapper();

	private HttpServer server;

	private final List<String> calls = new CopyOnWriteArrayList<>();

	/** The registered schemas: the id of each is its place in the list, from 1. */
	private final List<String> schemas = new CopyOnWriteArrayList<>();

	private final Map<String, String> rules = new ConcurrentHashMap<>();

	private URI url;

	static List<SpecificRecord> events() {
		return AvroEventSerdeTests.events();
	}

	@BeforeEach
	void startRegistry() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/ccompat/", this::answer);
		this.server.start();
		// A new URL for every test, so the clients' caches (one per URL) start empty.
		this.url = URI.create("http://localhost:" + this.server.getAddress().getPort() + "/ccompat/");
	}

	@AfterEach
	void stopRegistry() {
		this.server.stop(0);
	}

	@ParameterizedTest
	@MethodSource("events")
	void writesAZeroByteTheSchemaIdAndThePlainBinaryPayload(SpecificRecord event) throws IOException {
		byte[] bytes = serializer(WireFormat.REGISTRY).serialize("articles.test", event);

		assertThat(bytes[0]).isZero();
		int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
		Schema registered = new Schema.Parser().parse(this.schemas.get(id - 1));
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

	@Test
	void setsTheSubjectsRuleBeforeItRegistersAndDoesBothOncePerTopic() {
		AvroEventSerializer serializer = serializer(WireFormat.REGISTRY);

		serializer.serialize("articles.submitted", EventFixtures.councilDraft());
		serializer.serialize("articles.submitted", EventFixtures.councilDraft());
		serializer.serialize("articles.status", EventFixtures.councilReceived());

		assertThat(this.calls).containsExactly("PUT config/articles.submitted-value",
				"POST subjects/articles.submitted-value/versions", "PUT config/articles.status-value",
				"POST subjects/articles.status-value/versions");
		assertThat(this.rules).containsEntry("articles.submitted-value", "FULL_TRANSITIVE")
			.containsEntry("articles.status-value", "FULL_TRANSITIVE");
	}

	@Test
	void readsEachSchemaFromTheRegistryOnce() {
		byte[] bytes = serializer(WireFormat.REGISTRY).serialize("articles.submitted", EventFixtures.councilDraft());
		AvroEventDeserializer reader = new AvroEventDeserializer();
		// Another URL of the same registry: a client with nothing cached.
		reader.configure(Map.of(WireFormat.REGISTRY_URL_CONFIG, this.url.toString().replace("localhost", "127.0.0.1")),
				false);
		this.calls.clear();

		reader.deserialize("articles.submitted", bytes);
		reader.deserialize("articles.submitted", bytes);

		assertThat(this.calls).containsExactly("GET schemas/ids/" + ByteBuffer.wrap(bytes, 1, 4).getInt());
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
		this.rules.put("refuse", "articles.submitted-value");

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
		assertThat(this.calls).isEmpty();
	}

	private AvroEventSerializer serializer(WireFormat format) {
		AvroEventSerializer serializer = new AvroEventSerializer();
		serializer.configure(
				Map.of(WireFormat.FORMAT_CONFIG, format.value(), WireFormat.REGISTRY_URL_CONFIG, this.url.toString()),
				false);
		return serializer;
	}

	private AvroEventDeserializer deserializer() {
		AvroEventDeserializer deserializer = new AvroEventDeserializer();
		deserializer.configure(Map.of(WireFormat.REGISTRY_URL_CONFIG, this.url.toString()), false);
		return deserializer;
	}

	/** PUT config/{subject}, POST subjects/{subject}/versions, GET schemas/ids/{id}. */
	private void answer(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath().substring("/ccompat/".length());
		this.calls.add(exchange.getRequestMethod() + " " + path);
		byte[] body = exchange.getRequestBody().readAllBytes();
		Matcher config = Pattern.compile("config/(.+)").matcher(path);
		Matcher versions = Pattern.compile("subjects/(.+)/versions").matcher(path);
		Matcher ids = Pattern.compile("schemas/ids/([0-9]+)").matcher(path);
		if (config.matches() && exchange.getRequestMethod().equals("PUT")) {
			this.rules.put(config.group(1), JSON.readTree(body).get("compatibility").asText());
			reply(exchange, 200, Map.of("compatibility", this.rules.get(config.group(1))));
		}
		else if (versions.matches() && exchange.getRequestMethod().equals("POST")) {
			if (versions.group(1).equals(this.rules.get("refuse"))) {
				reply(exchange, 409, Map.of("error_code", 409, "message", "Incompatible artifact"));
				return;
			}
			String schema = JSON.readTree(body).get("schema").asText();
			if (!this.schemas.contains(schema)) {
				this.schemas.add(schema);
			}
			reply(exchange, 200, Map.of("id", this.schemas.indexOf(schema) + 1));
		}
		else if (ids.matches() && Integer.parseInt(ids.group(1)) <= this.schemas.size()) {
			reply(exchange, 200, Map.of("schema", this.schemas.get(Integer.parseInt(ids.group(1)) - 1)));
		}
		else {
			reply(exchange, 404, Map.of("error_code", 40403, "message", "Schema not found"));
		}
	}

	private static void reply(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
		byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

}
