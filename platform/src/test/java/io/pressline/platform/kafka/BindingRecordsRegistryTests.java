package io.pressline.platform.kafka;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.pressline.event.ArticleStage;
import io.pressline.event.ArticleStatus;
import io.pressline.event.serde.AvroEventDeserializer;
import io.pressline.event.serde.EventSchemas;
import io.pressline.event.serde.WireFormat;
import io.pressline.platform.transaction.BinderTransactions;
import io.pressline.testing.KafkaTest;
import io.pressline.testing.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code pressline.serde.format=registry}, a record written straight to the
 * transaction's producer is framed for the registry, its schema registered under the
 * topic's subject, as the binder's records are: the producer's own serializer writes it.
 */
@KafkaTest
@SpringBootTest(classes = BindingRecordsRegistryTests.Writer.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.application.name=binding-records-registry-test",
				"spring.config.import=classpath:pressline-transactions.yml", "pressline.serde.format=registry",
				"spring.cloud.stream.output-bindings=out",
				"spring.cloud.stream.bindings.out.destination=" + BindingRecordsRegistryTests.OUT })
@DirtiesContext
class BindingRecordsRegistryTests {

	static final String OUT = "test.binding-records.registry";

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * The schemas registered with the stub registry: each one's id is its place, from 1.
	 */
	private static final List<String> schemas = new CopyOnWriteArrayList<>();

	private static final List<String> subjects = new CopyOnWriteArrayList<>();

	private static final HttpServer registry = startRegistry();

	@Autowired
	private BindingRecords records;

	@Autowired
	private BinderFactory binders;

	@DynamicPropertySource
	static void registryUrl(DynamicPropertyRegistry properties) {
		properties.add("pressline.serde.registry-url", BindingRecordsRegistryTests::url);
	}

	@AfterAll
	static void stopRegistry() {
		registry.stop(0);
	}

	@Test
	void aRecordWrittenInATransactionIsFramedForTheRegistry() {
		String article = UUID.randomUUID().toString();
		ArticleStatus status = ArticleStatus.newBuilder()
			.setArticleId(article)
			.setVersion(1)
			.setStage(ArticleStage.PUBLISHED)
			.setService("test")
			.setSubmittedAt(Instant.EPOCH)
			.setOccurredAt(Instant.EPOCH)
			.build();
		new BinderTransactions(this.binders)
			.executeWithoutResult((transaction) -> this.records.send("out", article, status, Map.of()));

		try (TopicProbe<byte[]> out = TopicProbe.on(OUT, new ByteArrayDeserializer())) {
			ConsumerRecord<String, byte[]> record = out.await((r) -> article.equals(r.key()), Duration.ofSeconds(60));
			ByteBuffer value = ByteBuffer.wrap(record.value());
			assertThat(value.get()).as("the registry framing's magic byte").isZero();
			int id = value.getInt();
			assertThat(subjects).contains(OUT + "-value");
			assertThat(schemas.get(id - 1)).isEqualTo(status.getSchema().toString());
			SpecificRecord read = AvroEventDeserializer.configuredBy(Map.of(WireFormat.REGISTRY_URL_CONFIG, url()))
				.deserialize(OUT, record.value());
			assertThat(read).isEqualTo(status);
		}
	}

	private static String url() {
		return "http://localhost:" + registry.getAddress().getPort() + "/ccompat/";
	}

	private static HttpServer startRegistry() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.createContext("/ccompat/", BindingRecordsRegistryTests::answer);
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** PUT config/{subject}, POST subjects/{subject}/versions, GET schemas/ids/{id}. */
	private static void answer(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath().substring("/ccompat/".length());
		byte[] body = exchange.getRequestBody().readAllBytes();
		String method = exchange.getRequestMethod();
		if (method.equals("PUT") && path.startsWith("config/")) {
			reply(exchange, 200, Map.of("compatibility", JSON.readTree(body).get("compatibility").asText()));
		}
		else if (method.equals("POST") && path.startsWith("subjects/") && path.endsWith("/versions")) {
			subjects.add(path.substring("subjects/".length(), path.length() - "/versions".length()));
			String schema = JSON.readTree(body).get("schema").asText();
			if (!schemas.contains(schema)) {
				schemas.add(schema);
			}
			reply(exchange, 200, Map.of("id", schemas.indexOf(schema) + 1));
		}
		else if (method.equals("GET") && path.startsWith("schemas/ids/")) {
			int id = Integer.parseInt(path.substring("schemas/ids/".length()));
			if (id >= 1 && id <= schemas.size()) {
				reply(exchange, 200, Map.of("schema", schemas.get(id - 1)));
			}
			else {
				reply(exchange, 404, Map.of("error_code", 40403, "message", "Schema not found"));
			}
		}
		else {
			reply(exchange, 404, Map.of("error_code", 404, "message", "Not found"));
		}
	}

	private static void reply(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
		byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Writer {

		static {
			EventSchemas.trust();
		}

	}

}
