package io.pressline.ingest.submission;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.pressline.testing.KafkaTest;
import io.pressline.testing.TestKafka;
import io.pressline.testing.TestApiKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throws a few hundred malformed, mangled and oversized requests at the editors' API:
 * each must get a client error with a problem document, never a server error, and none
 * may put a record on {@code articles.submitted}. The generator is seeded, so a failure
 * names the request that caused it and repeats.
 */
@KafkaTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "pressline.drafts.max-body-size=4KB")
class DraftFuzzTests {

	private static final long SEED = 20261201L;

	private static final int REQUESTS = 400;

	private static final Set<Integer> CLIENT_ERRORS = Set.of(400, 413, 415, 422);

	private static final String VALID = """
			{"headline": "Ferry timetable changes", "body": "The winter timetable starts on Monday.",
			 "section": "local", "byline": "Ann Reyes"}""";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void malformedAndOversizedDraftsAreRefusedCleanlyAndNothingReachesKafka() throws Exception {
		Random random = new Random(SEED);
		long before = submittedRecords();

		List<String> failures = new ArrayList<>();
		for (int i = 0; i < REQUESTS; i++) {
			Mangled request = mangle(random, i);
			HttpResponse<String> response = this.http
				.send(TestApiKeys.asEditor(HttpRequest.newBuilder(url("/api/v1/articles")))
					.header("Content-Type", request.contentType())
					.timeout(Duration.ofSeconds(30))
					.POST(HttpRequest.BodyPublishers.ofByteArray(request.body()))
					.build(), HttpResponse.BodyHandlers.ofString());
			boolean problem = response.headers()
				.firstValue("Content-Type")
				.filter((type) -> type.startsWith("application/problem+json"))
				.isPresent();
			if (!CLIENT_ERRORS.contains(response.statusCode()) || !problem) {
				failures
					.add("#" + i + " " + request.kind() + " (" + request.contentType() + ", " + request.body().length
							+ " bytes) got " + response.statusCode() + ": " + abbreviate(response.body()));
			}
		}

		assertThat(failures).as("requests answered with something other than a client error and a problem").isEmpty();
		assertThat(submittedRecords()).as("records on articles.submitted after %d refused requests", REQUESTS)
			.isEqualTo(before);
		HttpResponse<String> valid = this.http
			.send(TestApiKeys.asEditor(HttpRequest.newBuilder(url("/api/v1/articles")))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(VALID))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(valid.statusCode()).as("a valid draft after the barrage: %s", valid.body()).isEqualTo(202);
	}

	/** One bad request: a kind of damage applied to a valid draft, or noise. */
	private record Mangled(String kind, String contentType, byte[] body) {
	}

	private static Mangled mangle(Random random, int index) {
		byte[] valid = VALID.getBytes(StandardCharsets.UTF_8);
		return switch (index % 12) {
			case 0 -> new Mangled("random bytes", "application/json", randomBytes(random, 1 + random.nextInt(3000)));
			case 1 -> new Mangled("truncated JSON", "application/json",
					java.util.Arrays.copyOf(valid, 1 + random.nextInt(valid.length - 2)));
			case 2 -> new Mangled("flipped bytes", "application/json", flip(random, valid));
			case 3 -> new Mangled("invalid UTF-8", "text/plain; charset=utf-8",
					concat("Headline\n\nBody ".getBytes(StandardCharsets.UTF_8),
							new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE }));
			case 4 -> new Mangled("deep nesting", "application/json",
					("{\"headline\": " + "[".repeat(2000 + random.nextInt(20000))).getBytes(StandardCharsets.UTF_8));
			case 5 -> new Mangled("wrong types", "application/json",
					("{\"headline\": " + random.nextInt() + ", \"body\": [\"a\"], \"legalHold\": \"maybe\"}")
						.getBytes(StandardCharsets.UTF_8));
			case 6 -> new Mangled("oversized body", "application/json",
					("{\"headline\": \"Long\", \"body\": \"" + "word ".repeat(900 + random.nextInt(200_000)) + "\"}")
						.getBytes(StandardCharsets.UTF_8));
			case 7 -> new Mangled("empty", (random.nextBoolean() ? "application/json" : "text/plain"), new byte[0]);
			case 8 -> new Mangled("unsupported type", List
				.of("application/xml", "image/png", "multipart/form-data; boundary=x", "application/octet-stream")
				.get(random.nextInt(4)), valid);
			case 9 -> new Mangled("blank fields", "application/json",
					"{\"headline\": \"   \", \"body\": \"\\u0000\\t \"}".getBytes(StandardCharsets.UTF_8));
			case 10 -> new Mangled("bad embargo", "application/json",
					("{\"headline\": \"H\", \"body\": \"B\", \"embargoUntil\": \"" + randomText(random, 12) + "\"}")
						.getBytes(StandardCharsets.UTF_8));
			default -> new Mangled("JSON that is not an object", "application/json",
					List.of("[]", "null", "42", "\"draft\"", "[{\"headline\": \"H\"}]")
						.get(random.nextInt(5))
						.getBytes(StandardCharsets.UTF_8));
		};
	}

	private static byte[] randomBytes(Random random, int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}

	private static byte[] flip(Random random, byte[] valid) {
		byte[] bytes = valid.clone();
		// Break the structure: a quote, brace or colon becomes something else.
		for (int i = 0; i < 1 + random.nextInt(4); i++) {
			int at;
			do {
				at = random.nextInt(bytes.length);
			}
			while ("\"{}:".indexOf(bytes[at]) < 0);
			bytes[at] = (byte) "#;]\u0001".charAt(random.nextInt(4));
		}
		return bytes;
	}

	private static String randomText(Random random, int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.append((char) ('0' + random.nextInt(43)));
		}
		return text.toString().replace("\"", "").replace("\\", "");
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

	private static String abbreviate(String text) {
		return (text.length() > 200) ? text.substring(0, 200) + "..." : text;
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	/**
	 * Every record on articles.submitted so far: the sum of its partitions' end offsets.
	 */
	private static long submittedRecords() {
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
				new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor("articles.submitted", Duration.ofSeconds(10))
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			return consumer.endOffsets(partitions, Duration.ofSeconds(10))
				.values()
				.stream()
				.mapToLong(Long::longValue)
				.sum();
		}
	}

}
