package io.pressline.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.pressline.event.ArticleStatus;
import io.pressline.event.serde.AvroEventDeserializer;

/**
 * One measured run through the whole pipeline: drafts posted to the editors' API (as fast
 * as the API takes them, or at a set rate), and the published events read by a plain
 * downstream consumer. Latency runs from the moment a draft was due to be sent (so a
 * harness that falls behind its rate does not hide the delay) to the moment the consumer
 * holds its published event. The stages' own reports on {@code articles.status} split it
 * into ingest, enrich, publish and delivery.
 */
final class LoadRun implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final LocalPipeline pipeline;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** Article id → when it was due to be sent (nanoTime, and wall clock millis). */
	private final Map<String, long[]> sent = new ConcurrentHashMap<>();

	/** Article id → when the downstream consumer got it (nanoTime, wall clock millis). */
	private final Map<String, long[]> received = new ConcurrentHashMap<>();

	/** Article id → stage → when the stage reported it (wall clock millis). */
	private final Map<String, Map<String, Long>> stages = new ConcurrentHashMap<>();

	private final AtomicLong duplicates = new AtomicLong();

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final List<Thread> readers = new ArrayList<>();

	LoadRun(LocalPipeline pipeline) {
		this.pipeline = pipeline;
		this.readers.add(reader("articles.published", new ByteArrayDeserializer(), (record) -> {
			long[] now = { System.nanoTime(), System.currentTimeMillis() };
			if (this.received.putIfAbsent(record.key(), now) != null) {
				this.duplicates.incrementAndGet();
			}
		}));
		this.readers.add(reader("articles.status", new AvroEventDeserializer(), (record) -> {
			if (record.value() instanceof ArticleStatus status) {
				this.stages.computeIfAbsent(status.getArticleId(), (id) -> new ConcurrentHashMap<>())
					.putIfAbsent(status.getStage().name(), status.getOccurredAt().toEpochMilli());
			}
		}));
	}

	/**
	 * Sends {@code count} drafts and waits until each is published.
	 * @param rate articles per second, or 0 for as fast as the API answers
	 * @param inFlight most requests awaiting an answer at once
	 */
	Result measure(String label, LoadArticles articles, int first, int count, int words, double rate, int inFlight) {
		URI submit = URI.create(this.pipeline.url("ingest-service") + "/api/v1/articles");
		Semaphore window = new Semaphore(inFlight);
		AtomicLong accepted = new AtomicLong();
		AtomicLong refused = new AtomicLong();
		List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
		Map<ProcessHandle, Duration> cpuBefore = cpuTimes();
		long start = System.nanoTime();
		long wallStart = System.currentTimeMillis();
		try (LoadProgress progress = new LoadProgress(System.out, label, count, accepted::get,
				() -> countReceived(ids))) {
			for (int i = 0; i < count; i++) {
				long due = (rate > 0) ? start + (long) (i * 1e9 / rate) : System.nanoTime();
				while (rate > 0 && System.nanoTime() < due) {
					LockSupport.parkNanos(due - System.nanoTime());
				}
				window.acquireUninterruptibly();
				long[] dueAt = { (rate > 0) ? due : System.nanoTime(),
						wallStart + (((rate > 0) ? due : System.nanoTime()) - start) / 1_000_000 };
				HttpRequest request = HttpRequest.newBuilder(submit)
					.header("Content-Type", "application/json")
					.header("Authorization", "Bearer " + this.pipeline.editorKey())
					.timeout(Duration.ofSeconds(30))
					.POST(HttpRequest.BodyPublishers.ofString(articles.draft(first + i, words, "news")))
					.build();
				this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
					window.release();
					if (error != null || response.statusCode() != 202) {
						refused.incrementAndGet();
						return;
					}
					String id = json.readTree(response.body()).get("id").asString();
					this.sent.put(id, dueAt);
					ids.add(id);
					accepted.incrementAndGet();
				});
			}
			awaitPublished(ids, accepted, refused, count);
		}
		long end = System.nanoTime();
		return result(label, ids, refused.get(), start, end, cpuBefore);
	}

	/**
	 * Sends {@code count} drafts through bulk submission, {@code batchSize} to a request
	 * (NDJSON), and waits until each is published. A draft's latency runs from the moment
	 * it was due, so drafts that wait for their batch to fill count that wait: at a set
	 * rate a batch is sent when its last draft is due.
	 * @param rate articles per second, or 0 for as fast as the API answers
	 * @param inFlight most batches awaiting an answer at once
	 */
	Result measureBulk(String label, LoadArticles articles, int first, int count, int words, double rate, int inFlight,
			int batchSize) {
		URI submit = URI.create(this.pipeline.url("ingest-service") + "/api/v1/articles:batch");
		Semaphore window = new Semaphore(inFlight);
		AtomicLong accepted = new AtomicLong();
		AtomicLong refused = new AtomicLong();
		List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
		Map<ProcessHandle, Duration> cpuBefore = cpuTimes();
		long start = System.nanoTime();
		long wallStart = System.currentTimeMillis();
		try (LoadProgress progress = new LoadProgress(System.out, label, count, accepted::get,
				() -> countReceived(ids))) {
			for (int from = 0; from < count; from += batchSize) {
				int size = Math.min(batchSize, count - from);
				long lastDue = (rate > 0) ? start + (long) ((from + size - 1) * 1e9 / rate) : System.nanoTime();
				while (rate > 0 && System.nanoTime() < lastDue) {
					LockSupport.parkNanos(lastDue - System.nanoTime());
				}
				window.acquireUninterruptibly();
				long sentAt = System.nanoTime();
				List<long[]> dues = new ArrayList<>(size);
				StringBuilder batch = new StringBuilder();
				for (int i = 0; i < size; i++) {
					long due = (rate > 0) ? start + (long) ((from + i) * 1e9 / rate) : sentAt;
					dues.add(new long[] { due, wallStart + (due - start) / 1_000_000 });
					batch.append(articles.draft(first + from + i, words, "news")).append('\n');
				}
				HttpRequest request = HttpRequest.newBuilder(submit)
					.header("Content-Type", "application/x-ndjson")
					.header("Authorization", "Bearer " + this.pipeline.editorKey())
					.timeout(Duration.ofSeconds(60))
					.POST(HttpRequest.BodyPublishers.ofString(batch.toString()))
					.build();
				this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
					window.release();
					if (error != null || response.statusCode() != 200) {
						refused.addAndGet(size);
						return;
					}
					JsonNode items = json.readTree(response.body()).get("items");
					for (int i = 0; i < size; i++) {
						JsonNode item = items.get(i);
						if (item.get("status").asInt() != 202) {
							refused.incrementAndGet();
							continue;
						}
						String id = item.get("id").asString();
						this.sent.put(id, dues.get(i));
						ids.add(id);
						accepted.incrementAndGet();
					}
				});
			}
			awaitPublished(ids, accepted, refused, count);
		}
		long end = System.nanoTime();
		return result(label, ids, refused.get(), start, end, cpuBefore);
	}

	private long countReceived(List<String> ids) {
		synchronized (ids) {
			return ids.stream().filter(this.received::containsKey).count();
		}
	}

	private void awaitPublished(List<String> ids, AtomicLong accepted, AtomicLong refused, int count) {
		long lastProgress = System.nanoTime();
		long done = -1;
		while (true) {
			long now = countReceived(ids);
			if (accepted.get() + refused.get() == count && now == accepted.get()) {
				return;
			}
			if (now != done) {
				done = now;
				lastProgress = System.nanoTime();
			}
			else if (System.nanoTime() - lastProgress > Duration.ofSeconds(60).toNanos()) {
				throw new IllegalStateException(
						"Nothing was published for 60 s; " + now + " of " + accepted.get() + " arrived");
			}
			LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
		}
	}

	private Result result(String label, List<String> ids, long refused, long start, long end,
			Map<ProcessHandle, Duration> cpuBefore) {
		Histogram latency = new Histogram(Duration.ofMinutes(10).toMillis() * 1000, 3);
		Map<String, Histogram> stageTimes = new LinkedHashMap<>();
		for (String stage : List.of("ingest", "enrich", "publish", "delivery")) {
			stageTimes.put(stage, new Histogram(Duration.ofMinutes(10).toMillis(), 3));
		}
		long firstDue = Long.MAX_VALUE;
		long lastReceived = Long.MIN_VALUE;
		synchronized (ids) {
			for (String id : ids) {
				long[] due = this.sent.get(id);
				long[] got = this.received.get(id);
				latency.recordValue(Math.max(0, (got[0] - due[0]) / 1000));
				firstDue = Math.min(firstDue, due[0]);
				lastReceived = Math.max(lastReceived, got[0]);
				Map<String, Long> reported = this.stages.getOrDefault(id, Map.of());
				Long receivedAt = reported.get("RECEIVED");
				Long enrichedAt = reported.get("ENRICHED");
				Long publishedAt = reported.get("PUBLISHED");
				if (receivedAt != null && enrichedAt != null && publishedAt != null) {
					stageTimes.get("ingest").recordValue(Math.max(0, receivedAt - due[1]));
					stageTimes.get("enrich").recordValue(Math.max(0, enrichedAt - receivedAt));
					stageTimes.get("publish").recordValue(Math.max(0, publishedAt - enrichedAt));
					stageTimes.get("delivery").recordValue(Math.max(0, got[1] - publishedAt));
				}
			}
		}
		double seconds = (lastReceived - firstDue) / 1e9;
		Map<String, Resources> resources = new LinkedHashMap<>();
		for (ServiceProcess process : this.pipeline.processes()) {
			resources.put(process.name(),
					resources(process.handle(), cpuBefore, end - start, ids.size(), heapMegabytes(process.url())));
		}
		// This JVM: the broker, the HTTP client sending the drafts and the readers.
		Runtime runtime = Runtime.getRuntime();
		resources.put(HARNESS, resources(ProcessHandle.current(), cpuBefore, end - start, ids.size(),
				(runtime.totalMemory() - runtime.freeMemory()) / (1024.0 * 1024.0)));
		return new Result(label, ids.size(), refused, this.duplicates.get(), ids.size() / seconds, latency, stageTimes,
				resources);
	}

	/** CPU used so far by each service JVM and by this one. */
	private Map<ProcessHandle, Duration> cpuTimes() {
		Map<ProcessHandle, Duration> times = new java.util.HashMap<>();
		for (ServiceProcess process : this.pipeline.processes()) {
			times.put(process.handle(), cpu(process.handle()));
		}
		times.put(ProcessHandle.current(), cpu(ProcessHandle.current()));
		return times;
	}

	private static Duration cpu(ProcessHandle process) {
		return process.info().totalCpuDuration().orElse(Duration.ZERO);
	}

	/** What one JVM used over a run of {@code nanos}, {@code published} articles long. */
	private static Resources resources(ProcessHandle process, Map<ProcessHandle, Duration> cpuBefore, long nanos,
			int published, double heapMb) {
		long cpuMillis = cpu(process).minus(cpuBefore.getOrDefault(process, Duration.ZERO)).toMillis();
		return new Resources(cpuMillis / 1000.0 / (nanos / 1e9), cpuMillis / (double) Math.max(1, published),
				residentMegabytes(process.pid()), heapMb);
	}

	private static double residentMegabytes(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
				}
			}
		}
		catch (java.io.IOException | NumberFormatException ex) {
			// Not Linux, or the process is gone: unknown.
		}
		return Double.NaN;
	}

	private double heapMegabytes(String serviceUrl) {
		try {
			HttpResponse<String> response = this.http
				.send(HttpRequest.newBuilder(URI.create(serviceUrl + "/actuator/metrics/jvm.memory.used?tag=area:heap"))
					.header("Authorization", "Bearer " + this.pipeline.adminKey())
					.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode measurements = json.readTree(response.body()).get("measurements");
			return measurements.get(0).get("value").asDouble() / (1024 * 1024);
		}
		catch (Exception ex) {
			return Double.NaN;
		}
	}

	private <V> Thread reader(String topic, org.apache.kafka.common.serialization.Deserializer<V> values,
			java.util.function.Consumer<ConsumerRecord<String, V>> onRecord) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.pipeline.bootstrapServers());
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "load-harness-" + topic + "-" + System.nanoTime());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		KafkaConsumer<String, V> consumer = new KafkaConsumer<>(properties, new StringDeserializer(), values);
		consumer.subscribe(List.of(topic));
		// Joined before any draft is sent, so the first published events are not missed.
		while (consumer.assignment().isEmpty()) {
			consumer.poll(Duration.ofMillis(100));
		}
		consumer.assignment().forEach((partition) -> consumer.position(partition));
		Thread thread = new Thread(() -> {
			try (consumer) {
				while (this.running.get()) {
					consumer.poll(Duration.ofMillis(50)).forEach(onRecord);
				}
			}
		}, "load-reader-" + topic);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	@Override
	public void close() {
		this.running.set(false);
		for (Thread reader : this.readers) {
			try {
				reader.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** The harness's own row among the services' resources. */
	static final String HARNESS = "harness JVM (broker, HTTP client, readers)";

	/**
	 * CPU in cores used on average and in milliseconds per published article, resident
	 * memory and heap in MiB at the end.
	 */
	record Resources(double cores, double cpuMsPerArticle, double residentMb, double heapMb) {
	}

	/** What one run measured; latencies in microseconds, stage times in milliseconds. */
	record Result(String label, long published, long refused, long duplicates, double throughput, Histogram latency,
			Map<String, Histogram> stages, Map<String, Resources> resources) {

		/** A latency percentile in milliseconds. */
		double latencyMs(double percentile) {
			return this.latency.getValueAtPercentile(percentile) / 1000.0;
		}

	}

}
