package io.pressline.publish;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import io.pressline.event.ArticleEnriched;
import io.pressline.event.ArticleSubmitted;
import io.pressline.event.Enrichment;
import io.pressline.event.Topic;
import io.pressline.event.serde.AvroEventSerializer;
import io.pressline.testing.KafkaTest;
import io.pressline.testing.TestKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delivery for sites that are not on Kafka, on a real broker: feeds read by a real feed
 * parser, and the event stream resumed from {@code Last-Event-ID}.
 */
@KafkaTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DistributionTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Test
	void aSectionsFeedsListItsLatestArticlesForFeedReaders() throws Exception {
		String older = UUID.randomUUID().toString();
		String newer = UUID.randomUUID().toString();
		publish(PublishFixtures.draft(older, 1).setSection("science").setHeadline("Glacier lost a fifth of its ice"));
		await().atMost(WAIT).until(() -> get("/api/v1/published/" + older).statusCode() == 200);
		publish(PublishFixtures.draft(newer, 1)
			.setSection("science")
			.setHeadline("Comet visible at dawn")
			.setByline("By Ada Quill"));
		await().atMost(WAIT).until(() -> get("/api/v1/published/" + newer).statusCode() == 200);

		HttpResponse<String> atom = get("/feeds/science.atom");
		assertThat(atom.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/atom+xml"));
		SyndFeed feed = new SyndFeedInput().build(new StringReader(atom.body()));
		assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
		List<SyndEntry> entries = feed.getEntries()
			.stream()
			.filter((e) -> e.getUri().endsWith(older) || e.getUri().endsWith(newer))
			.toList();
		assertThat(entries).extracting(SyndEntry::getTitle)
			.containsExactly("Comet visible at dawn", "Glacier lost a fifth of its ice");
		SyndEntry comet = entries.get(0);
		assertThat(comet.getLink()).startsWith("https://news.example.org/science/comet-visible-at-dawn-");
		assertThat(comet.getAuthor()).isEqualTo("Ada Quill");
		assertThat(comet.getContents().get(0).getValue().strip())
			.isEqualTo("<p>The night buses run again from Friday.</p>");
		assertThat(comet.getCategories()).extracting((c) -> c.getName()).containsExactly("medtop:13000000");
		assertThat(comet.getPublishedDate()).isNotNull();

		HttpResponse<String> jsonFeed = get("/feeds/science.json");
		assertThat(jsonFeed.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/feed+json"));
		JsonNode document = this.json.readTree(jsonFeed.body());
		assertThat(document.get("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
		assertThat(document.get("feed_url").asString())
			.isEqualTo("http://localhost:" + this.port + "/feeds/science.json");
		List<JsonNode> items = document.get("items")
			.valueStream()
			.filter((item) -> List.of(older, newer).contains(item.get("id").asString()))
			.toList();
		assertThat(items).extracting((item) -> item.get("title").asString())
			.containsExactly("Comet visible at dawn", "Glacier lost a fifth of its ice");
		assertThat(items.get(0).get("authors").get(0).get("name").asString()).isEqualTo("Ada Quill");
		assertThat(items.get(0).get("tags").get(0).asString()).isEqualTo("science and technology");
		assertThat(Instant.parse(items.get(0).get("date_published").asString())).isNotNull();

		assertThat(get("/feeds/gardening.json").statusCode()).isEqualTo(404);
	}

	@Test
	void theEventStreamResumesAfterTheLastEventItsClientSaw() throws Exception {
		String first = UUID.randomUUID().toString();
		String second = UUID.randomUUID().toString();
		String lastEventId;
		try (EventStream stream = EventStream.open(this.http, url("/api/v1/published/events?section=culture"), null)) {
			stream.awaitLine((line) -> line.equals(":ready"));
			publish(PublishFixtures.draft(first, 1).setSection("culture"));
			Event event = stream.awaitEvent();
			assertThat(event.name).isEqualTo("PUBLISHED");
			assertThat(this.json.readTree(event.data).get("articleId").asString()).isEqualTo(first);
			lastEventId = event.id;
		}

		publish(PublishFixtures.draft(second, 1).setSection("culture"));
		await().atMost(WAIT).until(() -> get("/api/v1/published/" + second).statusCode() == 200);

		try (EventStream resumed = EventStream.open(this.http, url("/api/v1/published/events?section=culture"),
				lastEventId)) {
			Event event = resumed.awaitEvent();
			assertThat(this.json.readTree(event.data).get("articleId").asString())
				.as("the first event after the one last seen")
				.isEqualTo(second);
		}

		HttpResponse<String> bad = this.http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/published/events")))
			.header("Last-Event-ID", "not-an-id")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(bad.statusCode()).isEqualTo(400);
	}

	@Test
	void theServiceDescribesItsApiInOpenApiWithAnInteractivePage() throws Exception {
		JsonNode api = this.json.readTree(get("/v3/api-docs").body());

		assertThat(api.get("openapi").asString()).startsWith("3.");
		assertThat(api.get("paths").propertyNames()).contains("/api/v1/published/{id}",
				"/api/v1/published/by-slug/{slug}", "/api/v1/published/events", "/api/v1/webhooks/deliveries");
		assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
	}

	private void publish(ArticleSubmitted.Builder draft) throws Exception {
		ArticleSubmitted submission = draft.build();
		Enrichment enrichment = Enrichment.newBuilder(PublishFixtures.enrichment(submission.getSubmittedAt()))
			.setSummary("A summary.")
			.setTopics(List.of(Topic.newBuilder()
				.setCode("medtop:13000000")
				.setLabel("science and technology")
				.setScore(1)
				.build()))
			.build();
		ArticleEnriched enriched = ArticleEnriched.newBuilder()
			.setSubmission(submission)
			.setEnrichment(enrichment)
			.build();
		try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()), new StringSerializer(),
				new AvroEventSerializer())) {
			producer.send(new ProducerRecord<>("articles.enriched", submission.getArticleId(), enriched)).get();
		}
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url(path))).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/** One Server-Sent Event. */
	record Event(String id, String name, String data) {
	}

	/** A client of the event stream, reading its lines as they come. */
	static final class EventStream implements AutoCloseable {

		private final Stream<String> lines;

		private final Iterator<String> next;

		private EventStream(Stream<String> lines) {
			this.lines = lines;
			this.next = lines.iterator();
		}

		static EventStream open(HttpClient http, String url, String lastEventId) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
			if (lastEventId != null) {
				request.header("Last-Event-ID", lastEventId);
			}
			HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
			assertThat(response.statusCode()).isEqualTo(200);
			return new EventStream(response.body());
		}

		String awaitLine(java.util.function.Predicate<String> match) throws Exception {
			return CompletableFuture.supplyAsync(() -> {
				while (this.next.hasNext()) {
					String line = this.next.next();
					if (match.test(line)) {
						return line;
					}
				}
				throw new AssertionError("The stream ended");
			}).get(WAIT.toSeconds(), TimeUnit.SECONDS);
		}

		/** Reads on to the next event, skipping comments. */
		Event awaitEvent() throws Exception {
			return CompletableFuture.supplyAsync(() -> {
				List<String> fields = new ArrayList<>();
				while (this.next.hasNext()) {
					String line = this.next.next();
					if (line.isEmpty()) {
						if (fields.stream().anyMatch((f) -> f.startsWith("data:"))) {
							return event(fields);
						}
						fields.clear();
					}
					else if (!line.startsWith(":")) {
						fields.add(line);
					}
				}
				throw new AssertionError("The stream ended");
			}).get(WAIT.toSeconds(), TimeUnit.SECONDS);
		}

		private static Event event(List<String> fields) {
			String id = null;
			String name = null;
			StringBuilder data = new StringBuilder();
			for (String field : fields) {
				int colon = field.indexOf(':');
				String value = field.substring(colon + 1).stripLeading();
				switch (field.substring(0, colon)) {
					case "id" -> id = value;
					case "event" -> name = value;
					case "data" -> data.append(value);
					default -> {
					}
				}
			}
			return new Event(id, name, data.toString());
		}

		@Override
		public void close() {
			this.lines.close();
		}

	}

}
