package io.pressline.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import io.pressline.testing.KafkaTest;
import io.pressline.testing.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The local pipeline heals: an ingest-service instance killed as {@code kill -9} would
 * (the drafts meanwhile going to its sibling, as a load balancer would send them) is
 * reported dead with its exit code and log, started again and reported ready, while the
 * pipeline goes on publishing; afterwards it takes drafts again, and every draft is
 * published once.
 */
@KafkaTest
class PipelineHealingIT {

	private static final Duration WAIT = Duration.ofMinutes(5);

	private final LocalPipeline pipeline = RunningPipeline.get();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	/** Article id of each draft taken, and when it was submitted. */
	private final Map<String, Instant> taken = new ConcurrentHashMap<>();

	/** Drafts taken by each instance. */
	private final Map<String, AtomicInteger> takenBy = new ConcurrentHashMap<>();

	/** Requests that did not reach a live instance, and were sent again. */
	private final AtomicInteger retried = new AtomicInteger();

	/** Answers that were neither 202 nor a retryable 503. */
	private final List<String> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();

	private final Map<String, Integer> published = new ConcurrentHashMap<>();

	@Test
	void aKilledInstanceIsReportedAndStartedAgainWhileThePipelineGoesOnPublishing() throws Exception {
		List<ServiceInstance> ingest = this.pipeline.instances(Service.INGEST);
		assertThat(ingest).hasSizeGreaterThanOrEqualTo(2);
		ServiceInstance victim = ingest.get(1);
		ingest.forEach((instance) -> this.takenBy.put(instance.name(), new AtomicInteger()));
		ScheduledExecutorService editor = Executors.newSingleThreadScheduledExecutor();
		try (TopicProbe<byte[]> stream = TopicProbe.on("articles.published", new ByteArrayDeserializer())) {
			Editor desk = new Editor(ingest);
			editor.scheduleWithFixedDelay(desk::submitNext, 0, 200, TimeUnit.MILLISECONDS);
			await().atMost(WAIT).until(() -> publishedOf(stream, Instant.MIN) >= 5);

			Instant killed = Instant.now();
			victim.kill();
			System.out.println(victim.name() + " killed; " + this.taken.size() + " drafts taken so far");

			await().atMost(WAIT).until(() -> publishedOf(stream, killed) >= 5);
			assertThat(victim.state()).as("%s's state while drafts submitted after its death are published", victim)
				.isNotEqualTo(ServiceInstance.State.READY);

			Healing.awaitReadyAgain(victim, 0, WAIT);
			assertThat(RunningPipeline.messages()).contains(
					victim.name() + " died (exit code 137, killed by SIGKILL); its log: " + victim.logFile(),
					victim.name() + " starts again in 1 s (restart 1 of at most 5 in 10 min)");
			assertThat(RunningPipeline.messages())
				.anyMatch((line) -> line.startsWith(victim.name() + " is ready again at " + victim.url() + " (pid "));

			int before = this.takenBy.get(victim.name()).get();
			await().atMost(WAIT).until(() -> this.takenBy.get(victim.name()).get() >= before + 3);
			editor.shutdown();
			assertThat(editor.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

			await().atMost(WAIT).until(() -> publishedOf(stream, Instant.MIN) == this.taken.size());
			System.out.printf("%d drafts taken (%s), %d requests sent again to the other instance%n", this.taken.size(),
					this.takenBy, this.retried.get());
			assertThat(this.unexpected).as("answers neither 202 nor 503").isEmpty();
			assertThat(this.taken.keySet())
				.allSatisfy((id) -> assertThat(this.published.get(id)).as("publications of %s", id).isEqualTo(1));
		}
		finally {
			editor.shutdownNow();
		}
	}

	/** How many of the drafts taken since {@code since} have been published. */
	private long publishedOf(TopicProbe<byte[]> stream, Instant since) {
		for (ConsumerRecord<String, byte[]> record : stream.readToEnd()) {
			this.published.merge(record.key(), 1, Integer::sum);
		}
		return this.taken.entrySet()
			.stream()
			.filter((draft) -> !draft.getValue().isBefore(since) && this.published.containsKey(draft.getKey()))
			.count();
	}

	/**
	 * An editor's tool behind a load balancer: each draft to the next instance in turn,
	 * and a draft that did not reach a live one (refused connection, 503) again, with the
	 * same Idempotency-Key, to the next at the next turn.
	 */
	private final class Editor {

		private final List<ServiceInstance> instances;

		private final Deque<Integer> pending = new ArrayDeque<>();

		private int next;

		private int turn;

		Editor(List<ServiceInstance> instances) {
			this.instances = instances;
		}

		void submitNext() {
			int n = this.pending.isEmpty() ? this.next++ : this.pending.poll();
			ServiceInstance instance = this.instances.get(this.turn++ % this.instances.size());
			Instant submitted = Instant.now();
			try {
				HttpResponse<String> response = PipelineHealingIT.this.http
					.send(HttpRequest.newBuilder(URI.create(instance.url() + "/api/v1/articles"))
						.header("Authorization", "Bearer " + PipelineHealingIT.this.pipeline.editorKey())
						.header("Content-Type", "application/json")
						.header("Idempotency-Key", "healing-" + n)
						.timeout(Duration.ofSeconds(30))
						.POST(HttpRequest.BodyPublishers.ofString("""
								{"headline": "Ferry timetable %1$d", "section": "local",
								 "body": "The island ferry runs timetable %1$d from Monday."}
								""".formatted(n)))
						.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 202) {
					String id = response.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
					PipelineHealingIT.this.taken.putIfAbsent(id, submitted);
					PipelineHealingIT.this.takenBy.get(instance.name()).incrementAndGet();
					return;
				}
				if (response.statusCode() != 503) {
					PipelineHealingIT.this.unexpected
						.add(instance + " answered " + response.statusCode() + ": " + response.body());
					return;
				}
			}
			catch (IOException ex) {
				// The instance is down: the draft goes to the next one.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			PipelineHealingIT.this.retried.incrementAndGet();
			this.pending.addFirst(n);
		}

	}

}
