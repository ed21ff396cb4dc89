package io.pressline.publish.delivery;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntUnaryOperator;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.pressline.event.ArticleEnriched;
import io.pressline.event.ArticleSubmitted;
import io.pressline.event.serde.AvroEventDeserializer;
import io.pressline.event.serde.AvroEventSerializer;
import io.pressline.publish.PublishFixtures;
import io.pressline.publish.ninjs.NinjsSchema;
import io.pressline.testing.KafkaTest;
import io.pressline.testing.TestKafka;
import io.pressline.testing.TopicProbe;
import io.pressline.testing.TestApiKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhook delivery on a real broker, to receivers that check the signature the way a site
 * would: a flaky site gets the event after retries, a site that is down gets it
 * dead-lettered, a site of another section gets nothing.
 */
@KafkaTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "pressline.publish.webhooks.max-attempts=3", "pressline.publish.webhooks.initial-backoff=50ms",
				"pressline.publish.webhooks.max-backoff=200ms", "pressline.publish.webhooks.timeout=2s",
				"spring.cloud.stream.bindings.webhooks-in-0.group=webhook-tests" })
@DirtiesContext
class WebhookDeliveryTests {

	private static final String FLAKY_SECRET = "flaky-site-secret-0001";

	/** Fails the first two attempts of each delivery, then accepts. */
	private static final Receiver FLAKY = Receiver.start((attempt) -> (attempt <= 2) ? 500 : 204);

	private static final Receiver DOWN = Receiver.start((attempt) -> 503);

	private static final Receiver POLITICS = Receiver.start((attempt) -> 200);

	/**
	 * Takes ninjs, signed with a new and an old Standard Webhooks key, no old headers.
	 */
	private static final Receiver NINJS = Receiver.start((attempt) -> 200);

	private static final String NINJS_KEY = WebhookSecret.generate();

	private static final String NINJS_OLD_KEY = WebhookSecret.generate();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void sites(DynamicPropertyRegistry registry) {
		site(registry, 0, "flaky", FLAKY, FLAKY_SECRET, "sport");
		site(registry, 1, "down", DOWN, "down-site-secret-0002", "sport");
		site(registry, 2, "politics-desk", POLITICS, "politics-secret-0003", "politics");
		String ninjs = "pressline.publish.sites[3].";
		registry.add(ninjs + "name", () -> "ninjs-wire");
		registry.add(ninjs + "webhook-url", NINJS::url);
		registry.add(ninjs + "secrets[0]", () -> NINJS_KEY);
		registry.add(ninjs + "secrets[1]", () -> NINJS_OLD_KEY);
		registry.add(ninjs + "sections[0]", () -> "sport");
		registry.add(ninjs + "format", () -> "ninjs");
		registry.add(ninjs + "legacy-signature", () -> "false");
	}

	@AfterAll
	static void stopReceivers() {
		FLAKY.server.stop(0);
		DOWN.server.stop(0);
		POLITICS.server.stop(0);
		NINJS.server.stop(0);
	}

	@Test
	void eachSiteOfTheSectionGetsTheSignedEventAfterRetriesOrItIsDeadLettered() throws Exception {
		String id = UUID.randomUUID().toString();
		String delivery = id + "/v1";
		publish(id, "sport");

		await().atMost(Duration.ofSeconds(30)).until(() -> FLAKY.requestsFor(delivery).size() == 3);
		List<Request> attempts = FLAKY.requestsFor(delivery);
		Request accepted = attempts.get(2);
		// As the site checks it, with Standard Webhooks' own library; its old secret is
		// the same key written whsec_<base64>.
		new Webhook(WebhookSecret.parse("flaky", FLAKY_SECRET).asStandard())
			.verify(new String(accepted.body, StandardCharsets.UTF_8), accepted.headers);
		assertThat(attempts).extracting((request) -> request.headers.getFirst(WebhookSignature.ID_HEADER))
			.as("one webhook-id on every attempt")
			.containsOnly(accepted.headers.getFirst(WebhookSignature.ID_HEADER));
		long timestamp = Long.parseLong(accepted.headers.getFirst(WebhookSignature.LEGACY_TIMESTAMP_HEADER));
		assertThat(WebhookSignature.verifyLegacy(WebhookSecret.parse("flaky", FLAKY_SECRET), timestamp, accepted.body,
				accepted.headers.getFirst(WebhookSignature.LEGACY_HEADER)))
			.as("the old signature header, kept for the migration")
			.isTrue();
		JsonNode event = this.json.readTree(accepted.body);
		assertThat(event.get("articleId").asString()).isEqualTo(id);
		assertThat(event.get("eventType").asString()).isEqualTo("PUBLISHED");
		assertThat(accepted.headers.getFirst(WebhookDelivery.EVENT_HEADER)).isEqualTo("PUBLISHED");
		assertThat(attempts).allSatisfy((request) -> assertThat(request.body).isEqualTo(accepted.body));

		try (TopicProbe<SpecificRecord> dead = TopicProbe.on("articles.webhooks.dlq", new AvroEventDeserializer())) {
			ConsumerRecord<String, SpecificRecord> letter = dead.await((r) -> id.equals(r.key()),
					Duration.ofSeconds(30));
			assertThat(header(letter, "pressline-site")).isEqualTo("down");
			assertThat(header(letter, "pressline-attempts")).isEqualTo("3");
			assertThat(header(letter, "pressline-error")).contains("503");
		}
		assertThat(DOWN.requestsFor(delivery)).hasSize(3);

		await().atMost(Duration.ofSeconds(30)).until(() -> NINJS.requestsFor(delivery).size() == 1);
		Request ninjs = NINJS.requestsFor(delivery).get(0);
		for (String key : List.of(NINJS_KEY, NINJS_OLD_KEY)) {
			new Webhook(key).verify(new String(ninjs.body, StandardCharsets.UTF_8), ninjs.headers);
		}
		assertThat(ninjs.headers.getFirst("Content-Type")).isEqualTo("application/ninjs+json");
		assertThat(ninjs.headers.containsKey(WebhookSignature.LEGACY_HEADER)).as("legacy-signature: false").isFalse();
		NinjsSchema.assertValid(new String(ninjs.body, StandardCharsets.UTF_8));
		assertThat(this.json.readTree(ninjs.body).get("uri").asString()).isEqualTo("urn:uuid:" + id);

		JsonNode log = this.json.readTree(get("/api/v1/webhooks/deliveries?articleId=" + id));
		assertThat(outcomes(log, "flaky")).containsExactly("DELIVERED", "RETRYING", "RETRYING");
		assertThat(outcomes(log, "down")).containsExactly("DEAD", "RETRYING", "RETRYING");
		assertThat(POLITICS.requests).as("a site of another section")
			.noneMatch((request) -> delivery.equals(request.headers.getFirst(WebhookDelivery.DELIVERY_HEADER)));
	}

	@Test
	void anOperatorSendsASiteATestEventAndSeesItsAnswer() throws Exception {
		HttpResponse<String> tested = post("/api/v1/webhooks/sites/politics-desk/test", true);
		assertThat(tested.statusCode()).isEqualTo(200);
		JsonNode result = this.json.readTree(tested.body());
		assertThat(result.get("accepted").asBoolean()).isTrue();
		assertThat(result.get("status").asInt()).isEqualTo(200);
		String id = result.get("webhookId").asString();
		assertThat(POLITICS.requests)
			.anySatisfy((request) -> assertThat(request.headers.getFirst(WebhookSignature.ID_HEADER)).isEqualTo(id));

		HttpResponse<String> unknown = post("/api/v1/webhooks/sites/nobody/test", true);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(this.json.readTree(unknown.body()).get("type").asString())
			.isEqualTo("urn:pressline:problem:unknown-site");
		assertThat(post("/api/v1/webhooks/sites/politics-desk/test", false).statusCode()).as("without a key")
			.isEqualTo(401);
	}

	private HttpResponse<String> post(String path, boolean operator) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.POST(HttpRequest.BodyPublishers.noBody());
		return HttpClient.newHttpClient()
			.send((operator ? TestApiKeys.asOperator(request) : request).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static List<String> outcomes(JsonNode log, String site) {
		return log.valueStream()
			.filter((attempt) -> attempt.get("site").asString().equals(site))
			.map((attempt) -> attempt.get("outcome").asString())
			.toList();
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	private String get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(TestApiKeys.asOperator(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)))
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

	private static void publish(String id, String section) throws Exception {
		ArticleSubmitted draft = PublishFixtures.draft(id, 1).setSection(section).build();
		ArticleEnriched enriched = ArticleEnriched.newBuilder()
			.setSubmission(draft)
			.setEnrichment(PublishFixtures.enrichment(draft.getSubmittedAt()))
			.build();
		try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()), new StringSerializer(),
				new AvroEventSerializer())) {
			producer.send(new ProducerRecord<>("articles.enriched", id, enriched)).get();
		}
	}

	private static void site(DynamicPropertyRegistry registry, int index, String name, Receiver receiver, String secret,
			String section) {
		String prefix = "pressline.publish.sites[" + index + "].";
		registry.add(prefix + "name", () -> name);
		registry.add(prefix + "webhook-url", receiver::url);
		registry.add(prefix + "secret", () -> secret);
		registry.add(prefix + "sections[0]", () -> section);
	}

	/** A request as the receiver got it. */
	record Request(Headers headers, byte[] body) {
	}

	/**
	 * A site's webhook endpoint: answers each attempt of a delivery with a set status.
	 */
	static final class Receiver {

		final HttpServer server;

		final List<Request> requests = new CopyOnWriteArrayList<>();

		private Receiver(HttpServer server) {
			this.server = server;
		}

		static Receiver start(IntUnaryOperator statusOfAttempt) {
			try {
				HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
				Receiver receiver = new Receiver(server);
				server.createContext("/hook", (exchange) -> {
					Request request = new Request(exchange.getRequestHeaders(),
							exchange.getRequestBody().readAllBytes());
					receiver.requests.add(request);
					int attempt = receiver.requestsFor(request.headers.getFirst(WebhookDelivery.DELIVERY_HEADER))
						.size();
					exchange.sendResponseHeaders(statusOfAttempt.applyAsInt(attempt), -1);
					exchange.close();
				});
				server.start();
				return receiver;
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		String url() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook";
		}

		List<Request> requestsFor(String delivery) {
			return this.requests.stream()
				.filter((r) -> delivery != null && delivery.equals(r.headers.getFirst(WebhookDelivery.DELIVERY_HEADER)))
				.toList();
		}

	}

}
