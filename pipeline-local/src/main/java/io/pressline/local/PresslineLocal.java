package io.pressline.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The command a newcomer runs first.
 *
 * <pre>
 * java -jar pipeline-local/target/pipeline-local.jar [run] [--kafka-port=9092] [--ingest-port=8081]
 *      [--enrich-port=8082] [--publish-port=8083] [--data-dir=.pressline/kafka] [--fresh]
 *      [--bootstrap-servers=host:port] [--instances=enrich=2,publish=2] [--max-restarts=5]
 *      [--restart-window=10m] [--registry [--registry-port=8085] [--registry-java=JDK]]
 * java -jar pipeline-local/target/pipeline-local.jar watch [--from-beginning] [--pretty]
 *      [--topic=articles.published] [--bootstrap-servers=localhost:9092] [--registry-url=URL]
 * java -jar pipeline-local/target/pipeline-local.jar submit DIR-or-FILE... [--url=http://localhost:8081]
 *      [--key=<editor key, else PRESSLINE_KEY>] [--batch-size=100] [--batch-bytes=4MB] (see BulkSubmitter)
 * java -jar pipeline-local/target/pipeline-local.jar reenrich [start|resume|stop|status]
 *      [--url=http://localhost:8081] [--key=<operator key, else PRESSLINE_OPS_KEY>] [--no-follow] (see Reenrichment)
 * java -jar pipeline-local/target/pipeline-local.jar load [--articles=1000] [--rate=0] [--words=600]
 *      [--engine=nlp|passthrough] [--no-baseline] (see LoadHarness)
 * </pre>
 *
 * {@code run} starts Kafka in this JVM and the three services as child JVMs (as many
 * instances of each as {@code --instances} says), prints where everything is and runs
 * until Ctrl-C, which stops it all; an instance that dies meanwhile is started again (see
 * {@link RestartPolicy}). With {@code --registry} it first starts Apicurio Registry (see
 * {@link LocalRegistry}), and the services write the registry's framing with their
 * schemas registered there ({@code pressline.serde.format=registry}). {@code watch}
 * prints the events of a topic as JSON, one per line.
 */
public final class PresslineLocal {

	private PresslineLocal() {
	}

	public static void main(String[] args) {
		String command = (args.length > 0 && !args[0].startsWith("--")) ? args[0] : "run";
		Map<String, String> flags;
		try {
			flags = flags(args);
			switch (command) {
				case "run" -> run(flags);
				case "watch" -> watch(flags);
				case "load" -> LoadHarness.run(flags);
				case "submit" -> System.exit(BulkSubmitter.run(positional(args), flags, System.out, System.err));
				case "reenrich" -> System.exit(Reenrichment.run(positional(args), flags, System.out, System.err));
				case "help" -> usage();
				default -> throw new IllegalArgumentException("Unknown command '" + command + "'");
			}
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			usage();
			System.exit(2);
		}
		catch (IllegalStateException ex) {
			System.err
				.println((List.of("watch", "submit", "reenrich").contains(command) ? "" : "Pressline did not start: ")
						+ ex.getMessage());
			System.exit(1);
		}
	}

	private static void run(Map<String, String> flags) {
		Path home = Path.of(flags.getOrDefault("home", ".pressline"));
		Path dataDirectory = Path.of(flags.getOrDefault("data-dir", home.resolve("kafka").toString()));
		Map<Service, Integer> ports = new EnumMap<>(Service.class);
		for (Service service : Service.values()) {
			String name = service.flag() + "-port";
			if (flags.containsKey(name)) {
				ports.put(service, intFlag(flags, name, service.defaultPort()));
			}
		}
		RestartPolicy restarts = RestartPolicy.DEFAULT
			.withMaxRestarts(countFlag(flags, "max-restarts", RestartPolicy.DEFAULT.maxRestarts()));
		if (flags.containsKey("restart-window")) {
			restarts = restarts.withWindow(durationFlag(flags, "restart-window"));
		}
		boolean withRegistry = flags.containsKey("registry");
		Path registryData = home.resolve("registry");
		int registryPort = intFlag(flags, "registry-port", 8085);
		Path registryJava = withRegistry ? LocalRegistry.java(flags.get("registry-java")) : null;
		java.util.concurrent.atomic.AtomicReference<LocalRegistry> registry = new java.util.concurrent.atomic.AtomicReference<>();
		java.util.concurrent.atomic.AtomicReference<LocalPipeline> started = new java.util.concurrent.atomic.AtomicReference<>();
		CountDownLatch stopped = new CountDownLatch(1);
		java.util.concurrent.atomic.AtomicBoolean interrupted = new java.util.concurrent.atomic.AtomicBoolean();
		// Registered before anything starts, so Ctrl-C during start-up stops what has
		// started.
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			interrupted.set(true);
			System.out.println("\nStopping Pressline ...");
			if (started.get() != null) {
				started.get().close();
			}
			if (registry.get() != null) {
				registry.get().close();
			}
			System.out.println("Stopped.");
			stopped.countDown();
		}, "pressline-stop"));
		if (flags.containsKey("fresh")) {
			deleteQuietly(dataDirectory);
			deleteQuietly(registryData);
		}
		List<String> serviceArguments = List.of();
		if (withRegistry) {
			Path registryHome = Path.of(flags.getOrDefault("registry-home",
					LocalRegistry.defaultHome(servicesDirectory(flags)).toString()));
			System.out.println("Starting Apicurio Registry with " + registryJava + " ...");
			long begun = System.nanoTime();
			registry.set(LocalRegistry.start(registryHome, registryJava, registryPort, registryData,
					home.resolve("logs").resolve("registry.log"), java.time.Duration.ofSeconds(180)));
			System.out.printf("  Apicurio Registry is up at %s in %.1f s%n", registry.get().confluentUrl(),
					(System.nanoTime() - begun) / 1e9);
			serviceArguments = registry.get().serviceArguments();
		}
		LocalPipeline.Options options = new LocalPipeline.Options(intFlag(flags, "kafka-port", 9092),
				flags.get("bootstrap-servers"), dataDirectory, ports, servicesDirectory(flags), home.resolve("logs"),
				serviceArguments, instances(flags.getOrDefault("instances", "")), restarts);
		// Checked before anything starts: a bad port layout is a usage error.
		LocalPipeline.ports(options.ports(), options.instances());
		System.out.println("Starting Pressline (logs in " + options.logDirectory() + ")");
		LocalPipeline pipeline = new LocalPipeline(options);
		started.set(pipeline);
		java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean();
		try {
			// While starting, each step; once running, what the healing does, with the
			// time.
			pipeline.start((line) -> System.out.println(running.get()
					? java.time.LocalTime.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " " + line
					: "  " + line));
		}
		catch (IllegalStateException ex) {
			// Stopped by Ctrl-C while starting; any other failure is reported.
			if (interrupted.get()) {
				awaitQuietly(stopped);
				return;
			}
			throw ex;
		}
		printWelcome(pipeline, options, registry.get());
		running.set(true);
		awaitQuietly(stopped);
	}

	/**
	 * Instances per service from {@code --instances=enrich=2,publish=2}; a service not
	 * named runs one.
	 */
	static Map<Service, Integer> instances(String value) {
		Map<Service, Integer> instances = new EnumMap<>(Service.class);
		if (value.isBlank()) {
			return instances;
		}
		for (String part : value.split(",")) {
			String[] nameAndCount = part.strip().split("=", 2);
			Service service = java.util.Arrays.stream(Service.values())
				.filter((s) -> s.flag().equals(nameAndCount[0].strip()) || s.artifact().equals(nameAndCount[0].strip()))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("--instances names ingest, enrich or publish, not '"
						+ nameAndCount[0].strip() + "' (as in --instances=enrich=2,publish=2)"));
			int count;
			try {
				count = (nameAndCount.length == 2) ? Integer.parseInt(nameAndCount[1].strip()) : -1;
			}
			catch (NumberFormatException ex) {
				count = -1;
			}
			if (count < 1 || count > 16) {
				throw new IllegalArgumentException("--instances gives each service 1 to 16 instances, as in "
						+ "--instances=enrich=2,publish=2; not '" + part.strip() + "'");
			}
			instances.put(service, count);
		}
		return instances;
	}

	private static void printWelcome(LocalPipeline pipeline, LocalPipeline.Options options, LocalRegistry registry) {
		String ingest = pipeline.url("ingest-service");
		System.out.println();
		System.out.println("Pressline is running.");
		System.out.printf("  %-20s %s%s%n", "Kafka", pipeline.bootstrapServers(),
				pipeline.ownsKafka() ? " (in-process KRaft, data in " + options.dataDirectory() + ")" : "");
		if (registry != null) {
			System.out.printf("  %-20s %s   pid %-7d log %s%n", "Schema registry", registry.confluentUrl(),
					registry.pid(), registry.logFile());
			System.out.printf("  %-20s %s%n", "", "records are Confluent-framed Avro, schemas under <topic>-value");
		}
		for (Service service : Service.values()) {
			System.out.printf("  %-20s %s%n", service.artifact(), service.role());
			for (ServiceInstance instance : pipeline.instances(service)) {
				System.out.printf("    %-18s %s   pid %-7d log %s%n", instance.name(), instance.url(),
						instance.process().pid(), instance.logFile());
			}
		}
		RestartPolicy restarts = pipeline.restarts();
		System.out.println((restarts.maxRestarts() > 0)
				? "An instance that dies is started again, at most " + restarts.describeLimit() + "."
				: "An instance that dies is not started again (--max-restarts=0).");
		System.out.println();
		System.out.println("API keys of this run (new at every start; the pages ask for one once):");
		System.out.println("  editor   " + pipeline.editorKey());
		System.out.println("  operator " + pipeline.adminKey());
		System.out.println();
		System.out.println("Editors' desk (submit, preview tags, follow to publication): " + ingest + "/desk/");
		System.out
			.println("Pipeline status for operators (throughput, backlog, dead letters, timings): " + ingest + "/ops/");
		System.out.println("API reference of each service: <service URL>/swagger-ui.html");
		System.out.println();
		System.out.println("Or submit a sample from another shell:");
		System.out.println("  curl -i -H 'Authorization: Bearer " + pipeline.editorKey()
				+ "' -H 'Content-Type: text/plain' --data-binary @samples/politics-coalition-budget-vote.txt " + ingest
				+ "/api/v1/articles");
		System.out.println("Follow it: curl -H 'Authorization: Bearer " + pipeline.editorKey() + "' " + ingest
				+ "/api/v1/articles/<id>");
		System.out.println("Print published events as JSON:");
		System.out
			.println("  java -jar pipeline-local/target/pipeline-local.jar watch --from-beginning --bootstrap-servers="
					+ pipeline.bootstrapServers()
					+ ((registry != null) ? " --registry-url=" + registry.confluentUrl() : ""));
		System.out.println();
		System.out.println("Press Ctrl-C to stop.");
	}

	private static void watch(Map<String, String> flags) {
		PublishedWatcher watcher = new PublishedWatcher();
		Runtime.getRuntime().addShutdownHook(new Thread(watcher::stop, "pressline-watch-stop"));
		watcher.watch(flags.getOrDefault("bootstrap-servers", "localhost:9092"),
				flags.getOrDefault("topic", "articles.published"), flags.get("registry-url"),
				flags.containsKey("from-beginning"), flags.containsKey("pretty"), System.out);
	}

	static Path servicesDirectory(Map<String, String> flags) {
		if (flags.containsKey("services-dir")) {
			return Path.of(flags.get("services-dir"));
		}
		// Next to the launcher: target/services, whether it runs as
		// target/pipeline-local.jar or from target/classes.
		Path classPath = Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0])
			.toAbsolutePath();
		return classPath.getParent().resolve("services");
	}

	private static Map<String, String> flags(String[] args) {
		Map<String, String> flags = new LinkedHashMap<>();
		List<String> rest = new ArrayList<>(List.of(args));
		if (!rest.isEmpty() && !rest.get(0).startsWith("--")) {
			rest.remove(0);
		}
		boolean submit = args.length > 0 && List.of("submit", "reenrich").contains(args[0]);
		for (String arg : rest) {
			if (submit && !arg.startsWith("--")) {
				// The files and folders of submit, the action of reenrich: see
				// positional.
				continue;
			}
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("Unexpected argument '" + arg + "'");
			}
			int equals = arg.indexOf('=');
			if (equals < 0) {
				flags.put(arg.substring(2), "true");
			}
			else {
				flags.put(arg.substring(2, equals), arg.substring(equals + 1));
			}
		}
		return flags;
	}

	/**
	 * The arguments after the command that are not flags: the paths of submit, the action
	 * of reenrich.
	 */
	private static List<String> positional(String[] args) {
		return java.util.Arrays.stream(args).skip(1).filter((arg) -> !arg.startsWith("--")).toList();
	}

	static int intFlag(Map<String, String> flags, String name, int fallback) {
		String value = flags.get(name);
		if (value == null) {
			return fallback;
		}
		try {
			int port = Integer.parseInt(value);
			if (port < 0 || port > 65535) {
				throw new NumberFormatException();
			}
			return port;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + " must be a port number, not '" + value + "'");
		}
	}

	/** A whole number of at least 0 (of restarts, say). */
	static int countFlag(Map<String, String> flags, String name, int fallback) {
		String value = flags.get(name);
		if (value == null) {
			return fallback;
		}
		try {
			int count = Integer.parseInt(value);
			if (count < 0) {
				throw new NumberFormatException();
			}
			return count;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					"--" + name + " must be a whole number of at least 0, not '" + value + "'");
		}
	}

	/** A duration such as {@code 90s}, {@code 10m} or {@code 1h}. */
	static java.time.Duration durationFlag(Map<String, String> flags, String name) {
		String value = flags.get(name).strip();
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("([0-9]+)(s|m|h)").matcher(value);
		if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
			throw new IllegalArgumentException(
					"--" + name + " must be a positive duration such as 90s, 10m or 1h, not '" + value + "'");
		}
		long amount = Long.parseLong(matcher.group(1));
		return switch (matcher.group(2)) {
			case "s" -> java.time.Duration.ofSeconds(amount);
			case "m" -> java.time.Duration.ofMinutes(amount);
			default -> java.time.Duration.ofHours(amount);
		};
	}

	static void deleteQuietly(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (var paths = Files.walk(directory)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("Cannot delete " + directory + ": " + ex.getMessage(), ex);
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void usage() {
		System.err.println(
				"""
						Usage:
						  java -jar pipeline-local/target/pipeline-local.jar [run] [--kafka-port=9092] [--ingest-port=8081]
						       [--enrich-port=8082] [--publish-port=8083] [--data-dir=.pressline/kafka] [--fresh]
						       [--bootstrap-servers=host:port] [--instances=enrich=2,publish=2]
						       [--max-restarts=5] [--restart-window=10m]
						       [--registry [--registry-port=8085] [--registry-java=<JDK 21+>]]
						  java -jar pipeline-local/target/pipeline-local.jar watch [--from-beginning] [--pretty]
						       [--topic=articles.published] [--bootstrap-servers=localhost:9092]
						       [--registry-url=http://localhost:8085/apis/ccompat/v7 (a run with --registry)]
						  java -jar pipeline-local/target/pipeline-local.jar submit DIR-or-FILE... [--url=http://localhost:8081]
						       [--key=<editor key; PRESSLINE_KEY by default>] [--batch-size=100] [--batch-bytes=4MB]
						  java -jar pipeline-local/target/pipeline-local.jar reenrich [start|resume|stop|status]
						       [--url=http://localhost:8081] [--key=<operator key; PRESSLINE_OPS_KEY by default>] [--no-follow]
						  java -jar pipeline-local/target/pipeline-local.jar load [--articles=1000] [--rate=0 (as fast as
						       possible) or articles/s | --rates=50,100,200] [--words=600] [--engine=nlp|passthrough] [--in-flight=64]
						       [--warmup=100] [--warmup-words=<words>] [--partitions=3] [--enrich-instances=1] [--enrich-threads=1]
						       [--no-baseline | --no-kafka-baseline] [--out=.pressline/load]
						       [--submit=single|bulk|both] [--batch-size=200] [--batches-in-flight=4]
						""");
	}

}
