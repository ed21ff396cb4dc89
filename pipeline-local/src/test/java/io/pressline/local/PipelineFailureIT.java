package io.pressline.local;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntPredicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.pressline.event.ArticleStage;
import io.pressline.event.ArticleStatus;
import io.pressline.event.serde.AvroEventDeserializer;
import io.pressline.kafka.local.LocalKafka;
import io.pressline.testing.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pipeline loses nothing and publishes nothing twice when its parts fail: a
 * three-broker cluster (every topic replicated three times, two in sync to accept a
 * write, producers waiting for all of them), the services as separate JVMs, a thousand
 * articles; while they flow, services are killed and the pipeline restarts them, then a
 * broker is stopped. Downstream is a plain reader of committed data, as a site would be.
 * The enrichment engine is the passthrough one.
 */
class PipelineFailureIT {

	private static final int ARTICLES = 1000;

	private static final Duration WAIT = Duration.ofMinutes(4);

	private static LocalKafka kafka;

	private static LocalPipeline pipeline;

	private PipelineClient client;

	@BeforeAll
	static void startAClusterOfThreeBrokersAndThePipeline() {
		kafka = LocalKafka.builder().nodes(3).brokerProperty("min.insync.replicas", 2).start();
		pipeline = LocalPipeline.start(
				new LocalPipeline.Options(0, kafka.bootstrapServers(), null,
						Map.of(Service.INGEST, 0, Service.ENRICH, 0, Service.PUBLISH, 0), Path.of("target/services"),
						Path.of("target/failure-logs"),
						// What is under test is how records are read, written and
						// committed, not
						// the language work: without it 2,000 articles take a minute, not
						// ten.
						List.of("--pressline.topics.replication-factor=3", "--pressline.enrich.engine=passthrough")),
				System.out::println);
	}

	@BeforeEach
	void client() {
		this.client = new PipelineClient(pipeline);
	}

	@AfterAll
	static void stop() {
		if (pipeline != null) {
			pipeline.close();
		}
		if (kafka != null) {
			kafka.close();
		}
	}

	/**
	 * One stream of a thousand articles through three failures in turn, each a while
	 * after the last has healed: enrich-service killed and restarted by the pipeline,
	 * publish-service killed and restarted, then one of the three brokers stopped for
	 * good.
	 */
	@Test
	void everyArticleIsPublishedExactlyOnceThroughServiceCrashesAndABrokerStop() throws Exception {
		try (Run run = new Run("failures")) {
			run.submitInBackground();
			run.awaitPublished((n) -> n >= 150);
			System.out.println("enrich-service killed after " + run.publishedSoFar() + " articles published");
			Healing.killAndAwaitReadyAgain(pipeline.instance("enrich-service-1"), WAIT);
			run.awaitPublished((n) -> n >= 400);
			System.out.println("publish-service killed after " + run.publishedSoFar() + " articles published");
			Healing.killAndAwaitReadyAgain(pipeline.instance("publish-service-1"), WAIT);
			run.awaitPublished((n) -> n >= 650);
			kafka.stopNode(2);
			System.out.println("broker 3 of 3 stopped after " + run.publishedSoFar() + " articles published");

			run.assertEveryArticlePublishedExactlyOnce();
		}
	}

	/** A thousand articles submitted, and what a downstream reader sees of them. */
	private final class Run implements AutoCloseable {

		private final String name;

		private final Set<String> submitted = ConcurrentHashMap.newKeySet();

		private final Map<String, Integer> published = new HashMap<>();

		private final Map<String, Integer> publishedStages = new HashMap<>();

		/** The partition each article was published on. */
		private final Map<String, Integer> partitionOf = new HashMap<>();

		private final TopicProbe<byte[]> stream;

		private final TopicProbe<byte[]> status;

		private CompletableFuture<Void> submissions;

		Run(String name) {
			this.name = name;
			this.stream = TopicProbe.on(kafka.bootstrapServers(), "articles.published", new ByteArrayDeserializer());
			this.status = TopicProbe.on(kafka.bootstrapServers(), "articles.status", new ByteArrayDeserializer());
		}

		void submitInBackground() {
			ExecutorService editors = Executors.newFixedThreadPool(4);
			List<CompletableFuture<Void>> all = new ArrayList<>();
			for (int i = 0; i < ARTICLES; i++) {
				int n = i;
				all.add(CompletableFuture.runAsync(() -> this.submitted.add(submit(this.name + "-" + n, n)), editors));
			}
			this.submissions = CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
				.whenComplete((done, failure) -> editors.shutdown());
		}

		/**
		 * Posts one article the way a careful editor's tool does: with an idempotency
		 * key, again after a failure, until the pipeline has taken it.
		 */
		private String submit(String key, int n) {
			String body = """
					{"headline": "Council %1$s report number %2$d", "section": "local",
					 "body": "The council in Harbourside met on Tuesday to discuss report %2$d. Mayor Ellen Price said the plan would be decided in March. \\"We need more time,\\" she said."}
					"""
				.formatted(this.name, n);
			long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
			while (true) {
				try {
					HttpResponse<String> response = PipelineFailureIT.this.client
						.send(PipelineFailureIT.this.client.editor("/api/v1/articles")
							.header("Content-Type", "application/json")
							.header("Idempotency-Key", key)
							.timeout(Duration.ofSeconds(30))
							.POST(HttpRequest.BodyPublishers.ofString(body)));
					if (response.statusCode() == 202) {
						return PipelineFailureIT.this.client.read(response.body()).get("id").asString();
					}
					if (System.nanoTime() > deadline) {
						throw new AssertionError(
								"Article " + key + " not taken: " + response.statusCode() + " " + response.body());
					}
				}
				catch (java.io.IOException ex) {
					if (System.nanoTime() > deadline) {
						throw new AssertionError("Article " + key + " not taken", ex);
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new AssertionError(ex);
				}
			}
		}

		int publishedSoFar() {
			readPublished();
			return (int) this.published.keySet().stream().filter(this.submitted::contains).count();
		}

		void awaitPublished(IntPredicate enough) {
			await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> enough.test(publishedSoFar()));
		}

		void assertEveryArticlePublishedExactlyOnce() {
			this.submissions.join();
			assertThat(this.submitted).hasSize(ARTICLES);
			await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> publishedSoFar() == ARTICLES);
			// Whatever a restart would publish again lies on its partition before a
			// record published after every article: wait for one such on each.
			sentinelsBehindEveryPartition();
			readPublished();
			readStatus();
			assertThat(this.published.keySet()).containsAll(this.submitted);
			assertThat(this.submitted).allSatisfy((id) -> assertThat(this.published.get(id)).as(id).isEqualTo(1));
			assertThat(this.submitted).allSatisfy(
					(id) -> assertThat(this.publishedStages.get(id)).as("PUBLISHED status of " + id).isEqualTo(1));
		}

		private void sentinelsBehindEveryPartition() {
			Set<Integer> partitions = new HashSet<>();
			List<String> sentinels = new ArrayList<>();
			int n = 0;
			while (partitions.size() < 3) {
				for (int i = 0; i < 6; i++) {
					sentinels.add(submit(this.name + "-sentinel-" + n, n));
					n++;
				}
				await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
					readPublished();
					return sentinels.stream().allMatch(this.published::containsKey);
				});
				sentinels.forEach((id) -> partitions.add(this.partitionOf.get(id)));
			}
		}

		private void readPublished() {
			for (ConsumerRecord<String, byte[]> record : this.stream.readToEnd()) {
				this.published.merge(record.key(), 1, Integer::sum);
				this.partitionOf.put(record.key(), record.partition());
			}
		}

		private void readStatus() {
			AvroEventDeserializer events = new AvroEventDeserializer();
			for (ConsumerRecord<String, byte[]> record : this.status.readToEnd()) {
				if (events.deserialize("articles.status", record.value()) instanceof ArticleStatus stage
						&& stage.getStage() == ArticleStage.PUBLISHED) {
					this.publishedStages.merge(record.key(), 1, Integer::sum);
				}
			}
		}

		@Override
		public void close() {
			this.stream.close();
			this.status.close();
		}

	}

}
