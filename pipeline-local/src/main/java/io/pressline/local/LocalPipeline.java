package io.pressline.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.pressline.kafka.local.LocalKafka;

/**
 * Kafka and the three services on one machine: the broker in this JVM (unless one is
 * given), each service in its own JVM. Used by the {@code pipeline-local} command and by
 * the end-to-end tests.
 */
public final class LocalPipeline implements AutoCloseable {

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

	private final Options options;

	private final Map<Service, ServiceProcess> services = java.util.Collections
		.synchronizedMap(new EnumMap<>(Service.class));

	private final java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();

	/** The editors' API key this pipeline's services accept, new for every pipeline. */
	private final String editorKey = newKey();

	/** The operators' API key. */
	private final String adminKey = newKey();

	/** The arguments each service was started with, to restart it the same way. */
	private final Map<Service, List<String>> arguments = new java.util.concurrent.ConcurrentHashMap<>();

	private final List<ServiceProcess> extraInstances = new java.util.concurrent.CopyOnWriteArrayList<>();

	private volatile LocalKafka kafka;

	private volatile String bootstrapServers;

	/** A pipeline not started yet; {@link #close()} stops whatever has started so far. */
	public LocalPipeline(Options options) {
		this.options = options;
		this.bootstrapServers = options.bootstrapServers();
	}

	/** Starts a pipeline and waits until every service is ready. */
	public static LocalPipeline start(Options options, java.util.function.Consumer<String> progress) {
		LocalPipeline pipeline = new LocalPipeline(options);
		pipeline.start(progress);
		return pipeline;
	}

	/**
	 * Starts Kafka (unless one was given) and the services, and waits until every service
	 * is ready. On failure, everything started is stopped again.
	 * @param progress told each step as it happens
	 */
	public void start(java.util.function.Consumer<String> progress) {
		try {
			if (this.bootstrapServers == null) {
				long started = System.nanoTime();
				LocalKafka.Builder builder = LocalKafka.builder().port(this.options.kafkaPort());
				if (this.options.dataDirectory() != null) {
					builder.dataDirectory(this.options.dataDirectory());
				}
				this.kafka = builder.start();
				this.bootstrapServers = this.kafka.bootstrapServers();
				progress.accept(String.format("Kafka (in-process KRaft) is up at %s in %.1f s", this.bootstrapServers,
						seconds(started)));
			}
			long started = System.nanoTime();
			Map<Service, Integer> ports = new EnumMap<>(Service.class);
			for (Service service : Service.values()) {
				int port = this.options.ports().getOrDefault(service, service.defaultPort());
				ports.put(service, (port == 0) ? freePort() : port);
			}
			for (Service service : Service.values()) {
				checkNotClosing();
				List<String> arguments = new ArrayList<>(keyArguments());
				arguments.addAll(this.options.serviceArguments());
				if (service == Service.INGEST) {
					// The desk page's enrichment preview asks enrich-service.
					arguments.add(0,
							"--pressline.ingest.desk.enrich-url=http://localhost:" + ports.get(Service.ENRICH));
				}
				this.arguments.put(service, List.copyOf(arguments));
				this.services.put(service,
						ServiceProcess.start(service,
								this.options.servicesDirectory().resolve(service.artifact() + ".jar"),
								ports.get(service), this.bootstrapServers, this.options.logDirectory(), arguments));
				progress.accept("Starting " + service.artifact() + " ...");
			}
			for (ServiceProcess process : processes()) {
				checkNotClosing();
				process.awaitReady(READY_TIMEOUT);
				progress.accept(String.format("%s is ready at %s (%.1f s)", process.service().artifact(), process.url(),
						seconds(started)));
			}
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
	}

	private void checkNotClosing() {
		if (this.closing.get()) {
			throw new IllegalStateException("stopped while starting");
		}
	}

	public String bootstrapServers() {
		return this.bootstrapServers;
	}

	/** An API key with the EDITOR role, for the editors' API and the desk page. */
	public String editorKey() {
		return this.editorKey;
	}

	/** An API key with the ADMIN role, for the status page, metrics and dead letters. */
	public String adminKey() {
		return this.adminKey;
	}

	private List<String> keyArguments() {
		return List.of("--pressline.security.api-keys[0].name=local-editor",
				"--pressline.security.api-keys[0].key=" + this.editorKey,
				"--pressline.security.api-keys[0].roles=EDITOR", "--pressline.security.api-keys[1].name=local-operator",
				"--pressline.security.api-keys[1].key=" + this.adminKey,
				"--pressline.security.api-keys[1].roles=ADMIN");
	}

	private static String newKey() {
		byte[] bytes = new byte[24];
		new java.security.SecureRandom().nextBytes(bytes);
		return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** Base URL of a service, for example {@code http://localhost:8081}. */
	public String url(String artifact) {
		return process(artifact).url();
	}

	/** Log file of a service. */
	public Path logFile(String artifact) {
		return process(artifact).logFile();
	}

	/** Whether the in-process broker runs here (rather than one given from outside). */
	public boolean ownsKafka() {
		return this.kafka != null;
	}

	List<ServiceProcess> processes() {
		List<ServiceProcess> all;
		synchronized (this.services) {
			all = new ArrayList<>(this.services.values());
		}
		all.addAll(this.extraInstances);
		return all;
	}

	/**
	 * Starts one more instance of a running service, in the same consumer groups, and
	 * waits until it is ready: the partitions of its input topic are then shared.
	 * @param arguments extra arguments for this instance, after those of every service
	 */
	ServiceProcess addInstance(Service service, List<String> arguments) {
		checkNotClosing();
		List<String> all = new ArrayList<>(keyArguments());
		all.addAll(this.options.serviceArguments());
		all.addAll(arguments);
		int instance = 2 + (int) this.extraInstances.stream().filter((p) -> p.service() == service).count();
		ServiceProcess process = ServiceProcess.start(service, instance,
				this.options.servicesDirectory().resolve(service.artifact() + ".jar"), freePort(),
				this.bootstrapServers, this.options.logDirectory(), all);
		this.extraInstances.add(process);
		process.awaitReady(READY_TIMEOUT);
		return process;
	}

	private ServiceProcess process(String artifact) {
		return processes().stream()
			.filter((p) -> p.service().artifact().equals(artifact))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No service " + artifact));
	}

	/**
	 * Calls back when a service exits while the pipeline is running: a crash, not a stop.
	 * @param crashed told the service's name and the end of its log
	 */
	public void onCrash(java.util.function.BiConsumer<String, String> crashed) {
		for (ServiceProcess process : processes()) {
			process.onExit().thenRun(() -> {
				if (!this.closing.get()) {
					crashed.accept(process.service().artifact(), process.tail(30));
				}
			});
		}
	}

	/**
	 * Kills a service's first instance at once, as a crash of its machine would: no
	 * shutdown, no goodbye to its consumer groups, transactions left open. For failure
	 * tests; {@link #restart} starts it again.
	 */
	public void crash(Service service) {
		ServiceProcess process;
		synchronized (this.services) {
			process = this.services.get(service);
		}
		process.kill();
	}

	/**
	 * Starts a service's first instance again after a {@link #crash}, on the same port,
	 * with the same arguments and identity, its output appended to the same log, and
	 * waits until it is ready.
	 */
	public void restart(Service service) {
		checkNotClosing();
		ServiceProcess old;
		synchronized (this.services) {
			old = this.services.get(service);
		}
		if (old.alive()) {
			throw new IllegalStateException(service.artifact() + " is running; crash it first");
		}
		ServiceProcess process = ServiceProcess.start(service, 1,
				this.options.servicesDirectory().resolve(service.artifact() + ".jar"), old.port(),
				this.bootstrapServers, this.options.logDirectory(), this.arguments.get(service), true);
		synchronized (this.services) {
			this.services.put(service, process);
		}
		process.awaitReady(READY_TIMEOUT);
	}

	/** Whether {@link #close()} has been called. */
	public boolean closing() {
		return this.closing.get();
	}

	/** Stops the services (gracefully, in parallel), then the broker. */
	@Override
	public void close() {
		if (!this.closing.compareAndSet(false, true)) {
			return;
		}
		processes().parallelStream().forEach(ServiceProcess::stop);
		LocalKafka broker = this.kafka;
		if (broker != null) {
			broker.close();
		}
	}

	private static double seconds(long startedNanos) {
		return (System.nanoTime() - startedNanos) / 1e9;
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * How to run the pipeline.
	 *
	 * @param kafkaPort port of the in-process broker; 0 picks a free one
	 * @param bootstrapServers an existing broker to use instead, or {@code null}
	 * @param dataDirectory where the in-process broker keeps its data, or {@code null}
	 * for a temporary directory
	 * @param ports service ports; a missing service gets its default, 0 picks a free one
	 * @param servicesDirectory where the services' runnable jars are
	 * @param logDirectory where each service writes its log
	 * @param serviceArguments extra arguments given to every service
	 */
	public record Options(int kafkaPort, String bootstrapServers, Path dataDirectory, Map<Service, Integer> ports,
			Path servicesDirectory, Path logDirectory, List<String> serviceArguments) {

		public Options {
			ports = Map.copyOf(ports);
			serviceArguments = List.copyOf(serviceArguments);
		}

	}

}
