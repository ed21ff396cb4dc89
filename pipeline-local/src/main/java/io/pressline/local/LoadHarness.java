package io.pressline.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.HdrHistogram.Histogram;

import io.pressline.kafka.local.LocalKafka;

/**
 * The load harness: {@code java -jar pipeline-local/target/pipeline-local.jar load}.
 *
 * <pre>
 * load [--articles=1000] [--rate=0 | --rates=50,100,200] [--words=600] [--engine=nlp|passthrough]
 *      [--in-flight=64] [--warmup=100] [--warmup-words=<words>] [--partitions=3] [--enrich-instances=1]
 *      [--submit=single|bulk|both] [--batch-size=200] [--batches-in-flight=4]
 *      [--enrich-threads=1]
 *      [--no-baseline | --no-kafka-baseline] [--baseline-records=20000] [--out=.pressline/load]
 *      [--samples=samples]
 * </pre>
 *
 * Starts a fresh in-process broker, measures the raw Kafka baseline on it and, with the
 * NLP engine, the engine alone on the same drafts (unless {@code --no-baseline}), starts
 * the three services, warms them up, then sends {@code --articles} drafts of about
 * {@code --words} words, as fast as the editors' API takes them ({@code --rate=0}) or at
 * a set rate, and prints throughput, end-to-end latency percentiles, time per stage, and
 * CPU and memory per service. With {@code --rates} it runs {@code --articles} drafts at
 * each rate in turn and draws latency against offered rate
 * ({@code <out>/latency-vs-rate.svg}). The report is also written to
 * {@code <out>/load-report.md}. {@code --submit=bulk} sends the drafts through bulk
 * submission ({@code POST /api/v1/articles:batch}, {@code --batch-size} drafts a request,
 * {@code --batches-in-flight} requests at once) instead of one request per draft;
 * {@code --submit=both} measures the single-article API and then bulk submission, one
 * after the other in the same run, on the same drafts' sizes.
 */
final class LoadHarness {

	private LoadHarness() {
	}

	static void run(Map<String, String> flags) {
		int articles = PresslineLocal.intFlag(flags, "articles", 1000);
		int words = PresslineLocal.intFlag(flags, "words", 600);
		int inFlight = PresslineLocal.intFlag(flags, "in-flight", 64);
		int warmup = PresslineLocal.intFlag(flags, "warmup", 100);
		int partitions = PresslineLocal.intFlag(flags, "partitions", 3);
		double rate = Double.parseDouble(flags.getOrDefault("rate", "0"));
		List<Double> rates = flags.containsKey("rates")
				? java.util.Arrays.stream(flags.get("rates").split(",")).map(Double::parseDouble).toList() : List.of();
		String engine = flags.getOrDefault("engine", "nlp");
		String submit = flags.getOrDefault("submit", "single");
		if (!List.of("single", "bulk", "both").contains(submit)) {
			throw new IllegalArgumentException("--submit must be single, bulk or both");
		}
		if (PresslineLocal.intFlag(flags, "batch-size", 200) < 1
				|| PresslineLocal.intFlag(flags, "batches-in-flight", 4) < 1) {
			throw new IllegalArgumentException("--batch-size and --batches-in-flight must be positive");
		}
		if (!engine.equals("nlp") && !engine.equals("passthrough")) {
			throw new IllegalArgumentException("--engine must be nlp or passthrough");
		}
		if (articles < 1 || words < 1 || inFlight < 1 || rate < 0) {
			throw new IllegalArgumentException(
					"--articles, --words and --in-flight must be positive, --rate at least 0");
		}
		Path out = Path.of(flags.getOrDefault("out", ".pressline/load"));
		LoadArticles drafts = LoadArticles.fromSamples(Path.of(flags.getOrDefault("samples", "samples")));
		int draftBytes = drafts.draft(0, words, "news").getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
		PresslineLocal.deleteQuietly(out.resolve("kafka"));

		List<LoadRun.Result> results = new ArrayList<>();
		double engineRate = Double.NaN;
		System.out.printf("Load run: %d articles of about %d words (%d bytes), %s, engine %s, %d partitions%n",
				articles, words, draftBytes, (rate > 0) ? rate + " articles/s" : "as fast as possible", engine,
				partitions);
		try (LocalKafka kafka = LocalKafka.builder().port(0).dataDirectory(out.resolve("kafka")).start()) {
			if (!flags.containsKey("no-baseline") && !flags.containsKey("no-kafka-baseline")) {
				// At least 20,000 records: fewer are over before the copiers reach full
				// speed.
				int records = PresslineLocal.intFlag(flags, "baseline-records", Math.max(articles, 20_000));
				results.add(RawKafkaBaseline.measure(kafka.bootstrapServers(), records, draftBytes, partitions));
			}
			if (engine.equals("nlp") && !flags.containsKey("no-baseline")) {
				engineRate = EngineBaseline.measure(PresslineLocal.servicesDirectory(flags), out, drafts,
						Math.min(articles, 300), words);
			}
			Map<Service, Integer> ports = new EnumMap<>(Service.class);
			for (Service service : Service.values()) {
				ports.put(service, 0);
			}
			LocalPipeline.Options options = new LocalPipeline.Options(0, kafka.bootstrapServers(), null, ports,
					PresslineLocal.servicesDirectory(flags), out.resolve("logs"),
					serviceArguments(flags, engine, partitions))
				.withInstances(
						Map.of(Service.ENRICH, Math.max(1, PresslineLocal.intFlag(flags, "enrich-instances", 1))));
			try (LocalPipeline pipeline = LocalPipeline.start(options, (line) -> System.out.println("  " + line))) {
				measureAll(pipeline, results, drafts, flags, rates, articles, words, rate, inFlight, warmup, engine);
			}
		}
		String mode = submitMode(flags) + ", ";
		mode += !rates.isEmpty() ? "at offered rates of " + flags.get("rates") + " articles/s"
				: (rate > 0) ? rate + " articles/s offered" : "as fast as possible";
		mode += String.format(Locale.ROOT, " after %d warm-up drafts of about %d words",
				PresslineLocal.intFlag(flags, "warmup", 100), PresslineLocal.intFlag(flags, "warmup-words", words));
		mode += String.format(Locale.ROOT, ", enrich-service x%d with %d listener thread(s) each",
				PresslineLocal.intFlag(flags, "enrich-instances", 1),
				PresslineLocal.intFlag(flags, "enrich-threads", 1));
		String report = report(results, articles, words, draftBytes, mode, engine, partitions);
		if (!Double.isNaN(engineRate)) {
			LoadRun.Result pipelineRun = results.get(results.size() - 1);
			report += String.format(Locale.ROOT,
					"%nEnrichment engine alone, one thread, same drafts: %.1f articles/s. Pipeline / engine alone: "
							+ "%.2f%n",
					engineRate, pipelineRun.throughput() / engineRate);
		}
		System.out.println();
		System.out.println(report);
		try {
			Files.createDirectories(out);
			Files.writeString(out.resolve("load-report.md"), report);
			if (!rates.isEmpty()) {
				List<LatencyPlot.Point> points = results.stream()
					.filter((r) -> !r.stages().isEmpty())
					.map((r) -> new LatencyPlot.Point(
							Double.parseDouble(r.label().replaceAll(".* at ([0-9.]+)/s", "$1")), r.throughput(),
							r.latencyMs(50), r.latencyMs(95), r.latencyMs(99)))
					.toList();
				Path plot = out.resolve("latency-vs-rate.svg");
				Files.writeString(plot,
						LatencyPlot.svg(String.format(Locale.ROOT,
								"End-to-end latency against offered rate: %s, %d words, %d cores", engine, words,
								Runtime.getRuntime().availableProcessors()), points));
				System.out.println("Plot written to " + plot);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		System.out.println("Report written to " + out.resolve("load-report.md"));
	}

	private static void measureAll(LocalPipeline pipeline, List<LoadRun.Result> results, LoadArticles drafts,
			Map<String, String> flags, List<Double> rates, int articles, int words, double rate, int inFlight,
			int warmup, String engine) {
		String submit = flags.getOrDefault("submit", "single");
		int batchSize = PresslineLocal.intFlag(flags, "batch-size", 200);
		int batchesInFlight = PresslineLocal.intFlag(flags, "batches-in-flight", 4);
		try (LoadRun run = new LoadRun(pipeline)) {
			if (warmup > 0 && !submit.equals("single")) {
				// Bulk submission has its own path through ingest to warm.
				run.measureBulk("warm-up (bulk)", drafts, 2_000_000, warmup,
						PresslineLocal.intFlag(flags, "warmup-words", words), 0, batchesInFlight, batchSize);
			}
			if (submit.equals("bulk")) {
				if (rates.isEmpty()) {
					results.add(run.measureBulk("pipeline (" + engine + ", bulk)", drafts, 0, articles, words, rate,
							batchesInFlight, batchSize));
				}
				else {
					int first = 0;
					for (double offered : rates) {
						results.add(run.measureBulk(String.format(Locale.ROOT, "%s bulk at %.0f/s", engine, offered),
								drafts, first, articles, words, offered, batchesInFlight, batchSize));
						first += articles;
					}
				}
				return;
			}
			if (warmup > 0) {
				// Shorter warm-up drafts warm ingest and publish (and the harness)
				// without
				// waiting for the NLP on full-length ones; the JIT needs thousands.
				run.measure("warm-up", drafts, 1_000_000, warmup, PresslineLocal.intFlag(flags, "warmup-words", words),
						0, inFlight);
			}
			if (rates.isEmpty()) {
				results.add(run.measure("pipeline (" + engine + ")", drafts, 0, articles, words, rate, inFlight));
				if (submit.equals("both")) {
					results.add(run.measureBulk("pipeline (" + engine + ", bulk)", drafts, articles, articles, words,
							rate, batchesInFlight, batchSize));
				}
			}
			else {
				int first = 0;
				for (double offered : rates) {
					results.add(run.measure(String.format(Locale.ROOT, "%s at %.0f/s", engine, offered), drafts, first,
							articles, words, offered, inFlight));
					first += articles;
				}
			}
		}
	}

	private static String submitMode(Map<String, String> flags) {
		String submit = flags.getOrDefault("submit", "single");
		String bulk = String.format(Locale.ROOT, "bulk submission (%d drafts a request, %d requests in flight)",
				PresslineLocal.intFlag(flags, "batch-size", 200),
				PresslineLocal.intFlag(flags, "batches-in-flight", 4));
		String single = String.format(Locale.ROOT, "the single-article API (%d requests in flight)",
				PresslineLocal.intFlag(flags, "in-flight", 64));
		return switch (submit) {
			case "bulk" -> "through " + bulk;
			case "both" -> "through " + single + ", then " + bulk;
			default -> "through " + single;
		};
	}

	private static List<String> serviceArguments(Map<String, String> flags, String engine, int partitions) {
		List<String> arguments = new ArrayList<>(List.of("--pressline.enrich.engine=" + engine,
				"--pressline.topics.partitions=" + partitions, "--logging.level.io.pressline=WARN"));
		int enrichThreads = PresslineLocal.intFlag(flags, "enrich-threads", 1);
		if (enrichThreads > 1) {
			// Only enrich-service has this binding; the other services ignore the
			// setting.
			arguments.add("--spring.cloud.stream.bindings.enrich-in-0.consumer.concurrency=" + enrichThreads);
		}
		return arguments;
	}

	static String report(List<LoadRun.Result> results, int articles, int words, int draftBytes, String mode,
			String engine, int partitions) {
		StringBuilder text = new StringBuilder();
		text.append(String.format(Locale.ROOT,
				"Load run of %s: %d articles of about %d words (%d bytes), %s, "
						+ "engine %s, %d partitions; %d cores, Java %s%n%n",
				ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), articles, words, draftBytes, mode,
				engine, partitions, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
		text.append("| run | published | articles/s | p50 ms | p95 ms | p99 ms | max ms | refused | duplicates |\n");
		text.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
		for (LoadRun.Result result : results) {
			text.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %d | %d |%n",
					result.label(), result.published(), result.throughput(), result.latencyMs(50), result.latencyMs(95),
					result.latencyMs(99), result.latency().getMaxValue() / 1000.0, result.refused(),
					result.duplicates()));
		}
		if (results.size() >= 2 && engine.equals("passthrough") && results.get(0).stages().isEmpty()) {
			for (LoadRun.Result result : results.subList(1, results.size())) {
				text.append(String.format(Locale.ROOT, "%n%s / raw Kafka throughput: %.2f%n", result.label(),
						result.throughput() / results.get(0).throughput()));
			}
		}
		for (LoadRun.Result result : results) {
			if (result.stages().isEmpty()) {
				continue;
			}
			text.append(String.format(
					"%nTime per stage, %s (ms; ingest from due time to RECEIVED, enrich to "
							+ "ENRICHED, publish to PUBLISHED, delivery to the downstream consumer):%n%n",
					result.label()));
			text.append("| stage | p50 | p95 | p99 | max |\n| --- | ---: | ---: | ---: | ---: |\n");
			for (Map.Entry<String, Histogram> stage : result.stages().entrySet()) {
				Histogram h = stage.getValue();
				text.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d |%n", stage.getKey(),
						h.getValueAtPercentile(50), h.getValueAtPercentile(95), h.getValueAtPercentile(99),
						h.getMaxValue()));
			}
			text.append("\n| process | CPU (cores, average) | CPU ms per article | resident MiB | heap used MiB |\n");
			text.append("| --- | ---: | ---: | ---: | ---: |\n");
			result.resources()
				.forEach((service, r) -> text.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.0f | %.0f |%n",
						service, r.cores(), r.cpuMsPerArticle(), r.residentMb(), r.heapMb())));
			text.append(String.format(Locale.ROOT, "| all | %.2f | %.2f | | |%n",
					result.resources().values().stream().mapToDouble(LoadRun.Resources::cores).sum(),
					result.resources().values().stream().mapToDouble(LoadRun.Resources::cpuMsPerArticle).sum()));
		}
		return text.toString();
	}

}
