package io.pressline.ingest.reenrichment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.pressline.event.ArticleSubmitted;
import io.pressline.event.SubmissionReason;
import io.pressline.event.serde.AvroEventDeserializer;
import io.pressline.event.serde.AvroEventSerializer;
import io.pressline.ingest.IngestApplication;
import io.pressline.testing.KafkaTest;
import io.pressline.testing.TestApiKeys;
import io.pressline.testing.TestKafka;
import io.pressline.testing.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An ingest instance stopped in the middle of a run, and another one started: the new one
 * takes the run up by itself from its position, and every article is replayed once.
 */
@KafkaTest
class ReenrichmentRestartTests {

	private static final Duration WAIT = Duration.ofSeconds(90);

	private static final String LATEST = "articles.latest.reenrichment-restart";

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@AfterEach
	void stop() {
		this.instances.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void anInstanceThatStartsTakesUpTheUnfinishedRunWithoutReplayingAnythingTwice() throws Exception {
		// One article, then a hundred seconds for the next: the run is cut short.
		ConfigurableApplicationContext slow = start("ingest-restart-a", "0.01");
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			ids.add(submit(slow, "{\"headline\": \"Tram line " + i + " reopens\", \"body\": \"Trams run again.\"}"));
		}
		try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()), new StringSerializer(),
				new AvroEventSerializer())) {
			for (String id : ids) {
				producer.send(new ProducerRecord<>(LATEST, id, ArchiveReplayTests.published(id))).get();
			}
		}
		HttpResponse<String> started = send(TestApiKeys.asOperator(request(slow, "/api/v1/ops/reenrichment"))
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		ArchiveReplay first = slow.getBean(ArchiveReplay.class);
		await().atMost(WAIT).until(() -> first.progress().done() == 1);
		slow.close();

		ConfigurableApplicationContext next = start("ingest-restart-b", "1000");
		ArchiveReplay second = next.getBean(ArchiveReplay.class);
		await().atMost(WAIT).until(() -> second.progress().state().equals("FINISHED"));

		assertThat(second.progress().submitted()).isEqualTo(3);
		assertThat(second.progress().done()).isEqualTo(4);
		try (TopicProbe<SpecificRecord> submitted = TopicProbe.on("articles.submitted", new AvroEventDeserializer())) {
			Map<String, Long> replays = submitted.readToEnd()
				.stream()
				.map(ConsumerRecord::value)
				.map(ArticleSubmitted.class::cast)
				.filter((s) -> s.getReason() == SubmissionReason.REENRICHMENT && ids.contains(s.getArticleId()))
				.collect(Collectors.groupingBy(ArticleSubmitted::getArticleId, Collectors.counting()));
			assertThat(replays).containsOnlyKeys(ids).allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
		}
	}

	private ConfigurableApplicationContext start(String name, String rate) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(IngestApplication.class).run(
				"--server.port=0", "--pressline.instance-id=" + name,
				"--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
				"--pressline.topics.latest=" + LATEST,
				"--pressline.ingest.reenrichment.group=reenrichment-restart-"
						+ UUID.nameUUIDFromBytes(LATEST.getBytes()),
				"--pressline.ingest.reenrichment.rate=" + rate, "--pressline.ingest.reenrichment.burst=1");
		this.instances.add(context);
		return context;
	}

	private String submit(ConfigurableApplicationContext instance, String draft) throws Exception {
		HttpResponse<String> response = send(TestApiKeys.asEditor(request(instance, "/api/v1/articles"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(draft)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return this.json.readTree(response.body()).get("id").asString();
	}

	private static HttpRequest.Builder request(ConfigurableApplicationContext instance, String path) {
		int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
