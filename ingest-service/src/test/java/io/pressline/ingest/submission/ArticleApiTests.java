package io.pressline.ingest.submission;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.pressline.event.ArticleStage;
import io.pressline.event.ArticleStatus;
import io.pressline.event.ArticleSubmitted;
import io.pressline.event.SubmissionAction;
import io.pressline.event.serde.AvroEventDeserializer;
import io.pressline.event.serde.AvroEventSerializer;
import io.pressline.testing.KafkaTest;
import io.pressline.testing.TestKafka;
import io.pressline.testing.TopicProbe;
import io.pressline.testing.TestApiKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The editors' API against a real broker: what is accepted reaches Kafka, what is refused
 * does not.
 */
@KafkaTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "pressline.drafts.max-body-size=4KB")
class ArticleApiTests {

	private static final String SUBMITTED = "articles.submitted";

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private IdempotencyKeys keys;

	private TopicProbe<SpecificRecord> submitted;

	@BeforeEach
	void openProbe() {
		this.submitted = TopicProbe.on(SUBMITTED, new AvroEventDeserializer());
	}

	@AfterEach
	void closeProbe() {
		this.submitted.close();
	}

	@Test
	void aJsonDraftIsAcceptedAndWrittenToKafkaKeyedByItsId() throws Exception {
		HttpResponse<String> response = post("application/json", """
				{"headline": "Harbour crane toppled in storm", "body": "A crane fell on Tuesday.\\n\\nNobody was hurt.",
				 "byline": "By Ada Quill", "section": "local", "embargoUntil": "2030-01-01T00:00:00Z"}
				""", Map.of());

		assertThat(response.statusCode()).isEqualTo(202);
		JsonNode receipt = this.json.readTree(response.body());
		String id = receipt.get("id").asString();
		assertThat(receipt.get("version").asInt()).isEqualTo(1);
		assertThat(receipt.get("status").asString()).isEqualTo("RECEIVED");
		assertThat(receipt.get("statusUrl").asString()).isEqualTo(url("/api/v1/articles/" + id));
		assertThat(response.headers().firstValue("Location")).hasValue(url("/api/v1/articles/" + id));

		ArticleSubmitted event = (ArticleSubmitted) this.submitted
			.await((record) -> id.equals(record.key()), Duration.ofSeconds(10))
			.value();
		assertThat(event.getArticleId()).isEqualTo(id);
		assertThat(event.getVersion()).isEqualTo(1);
		assertThat(event.getHeadline()).isEqualTo("Harbour crane toppled in storm");
		assertThat(event.getBody()).isEqualTo("A crane fell on Tuesday.\n\nNobody was hurt.");
		assertThat(event.getByline()).isEqualTo("By Ada Quill");
		assertThat(event.getSection()).isEqualTo("local");
		assertThat(event.getEmbargoUntil()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
	}

	@Test
	void theDraftOnKafkaCarriesTheEditorsTrace() throws Exception {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		HttpResponse<String> response = post("application/json", "{\"headline\": \"H\", \"body\": \"B.\"}",
				Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
		String id = this.json.readTree(response.body()).get("id").asString();

		var record = this.submitted.await((r) -> id.equals(r.key()), Duration.ofSeconds(10));

		assertThat(record.headers().lastHeader("traceparent")).isNotNull();
		assertThat(new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
			.startsWith("00-" + traceId + "-");
	}

	@Test
	void aPlainTextDraftTakesItsHeadlineFromTheFirstLine() throws Exception {
		HttpResponse<String> response = post("text/plain; charset=utf-8",
				"Council approves night buses\n\nBy Ada Quill\n\nThe council voted on Monday.\n", Map.of());

		assertThat(response.statusCode()).isEqualTo(202);
		String id = this.json.readTree(response.body()).get("id").asString();
		ArticleSubmitted event = (ArticleSubmitted) this.submitted
			.await((record) -> id.equals(record.key()), Duration.ofSeconds(10))
			.value();
		assertThat(event.getHeadline()).isEqualTo("Council approves night buses");
		assertThat(event.getByline()).isEqualTo("By Ada Quill");
		assertThat(event.getBody()).isEqualTo("The council voted on Monday.");
	}

	@Test
	void aRepeatedIdempotencyKeyAnswersWithTheSameIdAndProducesNothingNew() throws Exception {
		String key = "draft-" + UUID.randomUUID();
		String draft = "{\"headline\": \"Tram line reopens\", \"body\": \"Services resume.\"}";

		HttpResponse<String> first = post("application/json", draft, Map.of("Idempotency-Key", key));
		String id = this.json.readTree(first.body()).get("id").asString();
		this.submitted.await((record) -> id.equals(record.key()), Duration.ofSeconds(10));
		long before = this.submitted.endOffsetSum();
		HttpResponse<String> second = post("application/json", draft, Map.of("Idempotency-Key", key));

		assertThat(second.statusCode()).isEqualTo(202);
		assertThat(this.json.readTree(second.body()).get("id").asString()).isEqualTo(id);
		assertThat(second.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(this.submitted.endOffsetSum()).isEqualTo(before);
	}

	@Test
	void anIdempotencyKeyUsedBeforeARestartOrOnAnotherInstanceStillAnswersWithTheFirstId() throws Exception {
		String key = "draft-" + UUID.randomUUID();
		String id = UUID.randomUUID().toString();
		ArticleSubmitted earlier = ArticleSubmitted.newBuilder()
			.setArticleId(id)
			.setVersion(1)
			.setHeadline("Ferry timetable changes")
			.setBody("Winter services start on Monday.")
			.setSubmittedAt(Instant.now().minusSeconds(60))
			.setIdempotencyKey(key)
			.build();
		try (KafkaProducer<String, SpecificRecord> producer = producer()) {
			producer.send(new ProducerRecord<>(SUBMITTED, id, earlier)).get();
		}
		long before = this.submitted.endOffsetSum();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.keys.remembers(key));

		HttpResponse<String> retry = post("application/json",
				"{\"headline\": \"Ferry timetable changes\", \"body\": \"Winter services start on Monday.\"}",
				Map.of("Idempotency-Key", key));

		assertThat(retry.statusCode()).isEqualTo(202);
		assertThat(this.json.readTree(retry.body()).get("id").asString()).isEqualTo(id);
		assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(this.submitted.endOffsetSum()).isEqualTo(before);
	}

	@Test
	void anIdempotencyKeyReusedForADifferentDraftIsRefused() throws Exception {
		String key = "draft-" + UUID.randomUUID();
		post("application/json", "{\"headline\": \"One\", \"body\": \"First.\"}", Map.of("Idempotency-Key", key));
		long before = this.submitted.endOffsetSum();

		HttpResponse<String> response = post("application/json", "{\"headline\": \"Two\", \"body\": \"Second.\"}",
				Map.of("Idempotency-Key", key));

		assertProblem(response, 422, "Idempotency-Key");
		assertThat(this.submitted.endOffsetSum()).isEqualTo(before);
	}

	static Stream<Arguments> badRequests() {
		String big = "x".repeat(5 * 1024);
		return Stream.of(Arguments.of("missing headline", "application/json", "{\"body\": \"Text.\"}", 422, "headline"),
				Arguments.of("missing body", "application/json", "{\"headline\": \"Title\"}", 422, "body"),
				Arguments.of("headline only", "text/plain", "Only a headline\n", 422, "body"),
				Arguments.of("body over the limit", "application/json",
						"{\"headline\": \"Long\", \"body\": \"" + big + "\"}", 413, "body"),
				Arguments.of("request far over the limit", "text/plain", "Huge\n\n" + big.repeat(30), 413, "body"),
				Arguments.of("malformed JSON", "application/json", "{\"headline\": \"x\", ", 400, null),
				Arguments.of("unknown field", "application/json", "{\"title\": \"x\", \"body\": \"y\"}", 400, "title"),
				Arguments.of("bad embargo", "application/json",
						"{\"headline\": \"x\", \"body\": \"y\", \"embargoUntil\": \"soon\"}", 422, "embargoUntil"),
				Arguments.of("unsupported media type", "application/xml", "<draft/>", 415, "Content-Type"), Arguments
					.of("other charset", "text/plain; charset=ISO-8859-1", "Headline\n\nBody", 415, "Content-Type"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badRequests")
	void aBadDraftGetsAProblemNamingTheFieldAndProducesNothing(String name, String contentType, String body, int status,
			String field) throws Exception {
		long before = this.submitted.endOffsetSum();

		HttpResponse<String> response = post(contentType, body, Map.of());

		assertProblem(response, status, field);
		assertThat(this.submitted.endOffsetSum()).isEqualTo(before);
	}

	@Test
	void malformedUtf8IsRefusedAndProducesNothing() throws Exception {
		long before = this.submitted.endOffsetSum();
		byte[] bytes = "Headline\n\nBody \u00e9".getBytes(StandardCharsets.ISO_8859_1);

		HttpResponse<String> response = this.http
			.send(TestApiKeys.asEditor(HttpRequest.newBuilder(URI.create(url("/api/v1/articles"))))
				.header("Content-Type", "text/plain")
				.POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertProblem(response, 400, null);
		assertThat(this.json.readTree(response.body()).get("detail").asString()).contains("UTF-8");
		assertThat(this.submitted.endOffsetSum()).isEqualTo(before);
	}

	@Test
	void theStatusOfASubmittedArticleIsReceivedAtOnce() throws Exception {
		HttpResponse<String> response = post("application/json", "{\"headline\": \"H\", \"body\": \"B.\"}", Map.of());
		String statusUrl = this.json.readTree(response.body()).get("statusUrl").asString();

		HttpResponse<String> status = get(statusUrl);

		assertThat(status.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(status.body()).get("stage").asString()).isEqualTo("RECEIVED");
	}

	@Test
	void theStatusFollowsWhatLaterStagesWriteToTheStatusTopic() throws Exception {
		HttpResponse<String> response = post("application/json", "{\"headline\": \"H\", \"body\": \"B.\"}", Map.of());
		JsonNode receipt = this.json.readTree(response.body());
		String id = receipt.get("id").asString();
		ArticleStatus enriched = ArticleStatus.newBuilder()
			.setArticleId(id)
			.setVersion(1)
			.setStage(ArticleStage.ENRICHED)
			.setService("enrich")
			.setSubmittedAt(Instant.now())
			.setOccurredAt(Instant.now().plusSeconds(1))
			.build();
		try (KafkaProducer<String, SpecificRecord> producer = producer()) {
			producer.send(new ProducerRecord<>("articles.status", id, enriched)).get();
		}

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					this.json.readTree(get(receipt.get("statusUrl").asString()).body()).get("stage").asString())
				.isEqualTo("ENRICHED"));
	}

	@Test
	void aPutMakesTheNextVersionAndANoteMakesItACorrection() throws Exception {
		String id = this.json
			.readTree(
					post("application/json", "{\"headline\": \"Ferry fares rise\", \"body\": \"B.\"}", Map.of()).body())
			.get("id")
			.asString();

		HttpResponse<String> update = send("PUT", url("/api/v1/articles/" + id), "application/json",
				"{\"headline\": \"Ferry fares rise by 4%\", \"body\": \"B.\", \"note\": \"The rise is 4%, not 40%.\"}",
				Map.of("Idempotency-Key", "fix-" + id));
		HttpResponse<String> repeated = send("PUT", url("/api/v1/articles/" + id), "application/json",
				"{\"headline\": \"Ferry fares rise by 4%\", \"body\": \"B.\", \"note\": \"The rise is 4%, not 40%.\"}",
				Map.of("Idempotency-Key", "fix-" + id));
		HttpResponse<String> third = send("PUT", url("/api/v1/articles/" + id + "?legalHold=true"), "text/plain",
				"Ferry fares rise by 4%\n\nB.", Map.of());

		assertThat(update.statusCode()).as(update.body()).isEqualTo(202);
		assertThat(this.json.readTree(update.body()).get("version").asInt()).isEqualTo(2);
		assertThat(repeated.body()).isEqualTo(update.body());
		assertThat(this.json.readTree(third.body()).get("version").asInt()).isEqualTo(3);
		ArticleSubmitted second = (ArticleSubmitted) this.submitted
			.await((r) -> id.equals(r.key()) && ((ArticleSubmitted) r.value()).getVersion() == 2,
					Duration.ofSeconds(10))
			.value();
		assertThat(second.getHeadline()).isEqualTo("Ferry fares rise by 4%");
		assertThat(second.getNote()).isEqualTo("The rise is 4%, not 40%.");
		assertThat(second.getAction()).isEqualTo(SubmissionAction.PUBLISH);
		ArticleSubmitted held = (ArticleSubmitted) this.submitted
			.await((r) -> id.equals(r.key()) && ((ArticleSubmitted) r.value()).getVersion() == 3,
					Duration.ofSeconds(10))
			.value();
		assertThat(held.getLegalHold()).isTrue();
		assertThat(this.submitted.readToEnd()).noneMatch((r) -> id.equals(r.key()));
	}

	@Test
	void aDeleteAsksForARetractionAndTheArticleTakesNoMoreVersions() throws Exception {
		String id = this.json
			.readTree(post("application/json", "{\"headline\": \"H\", \"body\": \"B.\"}", Map.of()).body())
			.get("id")
			.asString();

		HttpResponse<String> retraction = send("DELETE", url("/api/v1/articles/" + id + "?reason=Legal%20advice"), null,
				null, Map.of());

		assertThat(retraction.statusCode()).as(retraction.body()).isEqualTo(202);
		ArticleSubmitted event = (ArticleSubmitted) this.submitted
			.await((r) -> id.equals(r.key()) && ((ArticleSubmitted) r.value()).getVersion() == 2,
					Duration.ofSeconds(10))
			.value();
		assertThat(event.getAction()).isEqualTo(SubmissionAction.RETRACT);
		assertThat(event.getNote()).isEqualTo("Legal advice");

		ArticleStatus retracted = ArticleStatus.newBuilder()
			.setArticleId(id)
			.setVersion(2)
			.setStage(ArticleStage.RETRACTED)
			.setService("publish")
			.setSubmittedAt(Instant.now())
			.setOccurredAt(Instant.now().plusSeconds(1))
			.build();
		try (KafkaProducer<String, SpecificRecord> producer = producer()) {
			producer.send(new ProducerRecord<>("articles.status", id, retracted)).get();
		}
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertProblem(send("PUT", url("/api/v1/articles/" + id), "application/json",
					"{\"headline\": \"H\", \"body\": \"B2.\"}", Map.of()), 409, null));
		assertThat(this.submitted.readToEnd()).noneMatch((r) -> id.equals(r.key()));
	}

	@Test
	void aNewVersionOrRetractionOfAnUnknownArticleIsNotFoundAndProducesNothing() throws Exception {
		long before = this.submitted.endOffsetSum();

		assertProblem(send("PUT", url("/api/v1/articles/no-such-id"), "application/json",
				"{\"headline\": \"H\", \"body\": \"B.\"}", Map.of()), 404, null);
		assertProblem(send("DELETE", url("/api/v1/articles/no-such-id"), null, null, Map.of()), 404, null);
		assertThat(this.submitted.endOffsetSum()).isEqualTo(before);
	}

	@Test
	void aLegalHoldThatIsNotTrueOrFalseIsRefusedNamingTheField() throws Exception {
		assertProblem(
				post("application/json", "{\"headline\": \"H\", \"body\": \"B.\", \"legalHold\": \"maybe\"}", Map.of()),
				400, "legalHold");
	}

	@Test
	void anUnknownArticleIsAProblemToo() throws Exception {
		HttpResponse<String> response = get(url("/api/v1/articles/no-such-id"));

		assertProblem(response, 404, null);
	}

	private void assertProblem(HttpResponse<String> response, int status, String field) throws IOException {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.get("detail").asString()).isNotBlank();
		if (field != null) {
			assertThat(problem.get("field").asString()).isEqualTo(field);
		}
	}

	private HttpResponse<String> post(String contentType, String body, Map<String, String> headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = TestApiKeys.asEditor(HttpRequest.newBuilder(URI.create(url("/api/v1/articles"))))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> send(String method, String url, String contentType, String body,
			Map<String, String> headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = TestApiKeys.asEditor(HttpRequest.newBuilder(URI.create(url)))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		headers.forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return this.http.send(TestApiKeys.asEditor(HttpRequest.newBuilder(URI.create(url))).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static KafkaProducer<String, SpecificRecord> producer() {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
				new StringSerializer(), new AvroEventSerializer());
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
