package io.pressline.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.pressline.kafka.local.LocalKafka;

/**
 * Kafka and the three services on one machine: the broker in this JVM (unless one is
 * given), each instance of each service in its own JVM. Used by the
 * {@code pipeline-local} command and by the end-to-end tests.
 * <p>
 * Once started, the pipeline heals: an instance whose JVM dies is reported, started again
 * with the same arguments, port, identity and log after a back-off, and reported ready
 * again; one that dies too often is given up on while the rest keeps running (see
 * {@link RestartPolicy}).
 */
public final class LocalPipeline implements AutoCloseable {

	/**
	 * How long an instance may take to be ready: six JVMs starting together on two busy
	 * cores take minutes.
	 */
	private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);

	/** Exit codes of a JVM ended by a signal: 128 and the signal's number. */
	private static final Map<Integer, String> SIGNALS = Map.of(137, "killed by SIGKILL", 143, "stopped by SIGTERM", 130,
			"interrupted by SIGINT", 134, "aborted by SIGABRT", 139, "crashed with SIGSEGV");

	private final Options options;

	private final List<ServiceInstance> instances = new CopyOnWriteArrayList<>();

	private final AtomicBoolean closing = new AtomicBoolean();

	/** The editors' API key this pipeline's services accept, new for every pipeline. */
	private final String editorKey = newKey();

	/** The operators' API key. */
	private final String adminKey = newKey();

	/** Restarts instances that died: waits out their back-off, then their start. */
	private final ScheduledExecutorService healer = Executors.newScheduledThreadPool(2, (task) -> {
		Thread thread = new Thread(task, "pressline-healer");
		thread.setDaemon(true);
		return thread;
	});

	private volatile Consumer<String> progress = (line) -> {
	};

	/** Whether every instance has been ready once: deaths from then on are healed. */
	private volatile boolean started;

	private volatile LocalKafka kafka;

	private volatile String bootstrapServers;

	/** A pipeline not started yet; {@link #close()} stops whatever has started so far. */
	public LocalPipeline(Options options) {
		this.options = options;
		this.bootstrapServers = options.bootstrapServers();
	}

	/** Starts a pipeline and waits until every service is ready. */
	public static LocalPipeline start(Options options, Consumer<String> progress) {
		LocalPipeline pipeline = new LocalPipeline(options);
		pipeline.start(progress);
		return pipeline;
	}

	/**
	 * Starts Kafka (unless one was given) and every instance of the services, and waits
	 * until each is ready. On failure, everything started is stopped again.
	 * @param progress told each step as it happens, and later what the healing does
	 */
	public void start(Consumer<String> progress) {
		this.progress = progress;
		try {
			Map<Service, List<Integer>> ports = ports(this.options.ports(), this.options.instances());
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
			for (Service service : Service.values()) {
				List<Integer> servicePorts = ports.get(service);
				for (int n = 1; n <= servicePorts.size(); n++) {
					checkNotClosing();
					List<String> arguments = new ArrayList<>(keyArguments());
					arguments.addAll(this.options.serviceArguments());
					if (service == Service.INGEST) {
						// The desk page's enrichment preview asks the first
						// enrich-service.
						arguments.add(0, "--pressline.ingest.desk.enrich-url=http://localhost:"
								+ ports.get(Service.ENRICH).get(0));
					}
					ServiceInstance instance = new ServiceInstance(service, n,
							this.options.servicesDirectory().resolve(service.artifact() + ".jar"),
							servicePorts.get(n - 1), this.bootstrapServers, this.options.logDirectory(), arguments);
					this.instances.add(instance);
					watch(instance, instance.start());
					progress.accept("Starting " + instance.name() + " ...");
				}
			}
			for (ServiceInstance instance : this.instances) {
				checkNotClosing();
				ServiceProcess process = instance.process();
				process.awaitReady(READY_TIMEOUT);
				instance.ready(process);
				progress.accept(
						String.format("%s is ready at %s (%.1f s)", instance.name(), instance.url(), seconds(started)));
			}
			this.started = true;
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
	}

	/**
	 * The ports of each service's instances: consecutive from the service's port, which
	 * is its default unless given; a default that the instances of the service before it
	 * took moves on past them. 0 gives every instance a free port.
	 * @throws IllegalArgumentException when given ports make two instances share one
	 */
	static Map<Service, List<Integer>> ports(Map<Service, Integer> given, Map<Service, Integer> instances) {
		Map<Service, List<Integer>> ports = new EnumMap<>(Service.class);
		Map<Integer, String> taken = new HashMap<>();
		int next = 0;
		for (Service service : Service.values()) {
			int count = instances.getOrDefault(service, 1);
			Integer port = given.get(service);
			int first = (port != null) ? port : Math.max(service.defaultPort(), next);
			List<Integer> servicePorts = new ArrayList<>();
			for (int n = 1; n <= count; n++) {
				int instancePort = (first == 0) ? freePort() : first + n - 1;
				String name = service.artifact() + "-" + n;
				if (instancePort > 65535) {
					throw new IllegalArgumentException(name + " would take port " + instancePort + ": give --"
							+ service.flag() + "-port a lower one");
				}
				String other = taken.putIfAbsent(instancePort, name);
				if (other != null) {
					throw new IllegalArgumentException(
							String.format("%s would take port %d, which %s has: give --%s-port another first port",
									name, instancePort, other, service.flag()));
				}
				servicePorts.add(instancePort);
			}
			if (first != 0) {
				next = Math.max(next, first + count);
			}
			ports.put(service, List.copyOf(servicePorts));
		}
		return ports;
	}

	/** Heals the instance when this JVM of it exits. */
	private void watch(ServiceInstance instance, ServiceProcess process) {
		process.onExit().thenRun(() -> exited(instance, process));
	}

	private void exited(ServiceInstance instance, ServiceProcess process) {
		if (this.closing.get()
				|| (!this.started && instance.restarts() == 0 && instance.state() == ServiceInstance.State.STARTING)) {
			// A stop, or a failure to start that start() reports.
			return;
		}
		if (!instance.down(process)) {
			return;
		}
		Instant died = Instant.now();
		int code = process.exitCode();
		String signal = SIGNALS.get(code);
		report(String.format("%s died (exit code %d%s); its log: %s%s", instance.name(), code,
				(signal != null) ? ", " + signal : "", instance.logFile(),
				(signal != null) ? "" : "; its last lines:\n" + indent(process.tail(15))));
		RestartPolicy policy = this.options.restarts();
		Optional<Duration> backoff = policy.backoff(instance.restartTimes(), died);
		if (backoff.isEmpty()) {
			instance.giveUp();
			String why = (policy.maxRestarts() == 0) ? "restarts are off (--max-restarts=0)" : "it was restarted "
					+ policy.maxRestarts() + " times within " + RestartPolicy.describe(policy.window()) + " already";
			report(String.format("Gave up on %s: %s. The other instances keep running.%s", instance.name(), why,
					running(instance.service()) ? ""
							: " No instance of " + instance.service().artifact() + " runs now."));
			return;
		}
		report(String.format("%s starts again in %s (restart %d of at most %s)", instance.name(),
				RestartPolicy.describe(backoff.get()), policy.recent(instance.restartTimes(), died) + 1,
				policy.describeLimit()));
		try {
			this.healer.schedule(() -> restart(instance, died), backoff.get().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (java.util.concurrent.RejectedExecutionException ex) {
			// Stopping.
		}
	}

	private void restart(ServiceInstance instance, Instant died) {
		if (this.closing.get()) {
			return;
		}
		ServiceProcess process;
		try {
			process = instance.start();
		}
		catch (RuntimeException ex) {
			instance.giveUp();
			report("Gave up on " + instance.name() + ": it cannot be started again: " + ex.getMessage());
			return;
		}
		if (process == null) {
			return;
		}
		watch(instance, process);
		if (this.closing.get()) {
			// close() may have looked at the instance before it had this JVM.
			process.stop();
			return;
		}
		try {
			process.awaitReady(READY_TIMEOUT);
			instance.ready(process);
			report(String.format(Locale.ROOT, "%s is ready again at %s (pid %d), %.1f s after it died", instance.name(),
					instance.url(), process.pid(), Duration.between(died, Instant.now()).toMillis() / 1000.0));
		}
		catch (IllegalStateException ex) {
			if (process.alive() && !this.closing.get()) {
				report(String.format("%s was started again but is not ready after %d s; see its log %s",
						instance.name(), READY_TIMEOUT.toSeconds(), instance.logFile()));
			}
			// Otherwise it died while starting, and exited() takes it from there.
		}
	}

	private boolean running(Service service) {
		return this.instances.stream()
			.anyMatch((i) -> i.service() == service && i.state() != ServiceInstance.State.GAVE_UP
					&& i.state() != ServiceInstance.State.STOPPED);
	}

	private void report(String line) {
		if (!this.closing.get()) {
			this.progress.accept(line);
		}
	}

	private static String indent(String text) {
		return text.lines().map((line) -> "    " + line).reduce((a, b) -> a + "\n" + b).orElse("    (empty)");
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

	/**
	 * Base URL of a service's first instance, for example {@code http://localhost:8081}.
	 */
	public String url(String artifact) {
		return instances().stream()
			.filter((i) -> i.service().artifact().equals(artifact))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No service " + artifact))
			.url();
	}

	/** Whether the in-process broker runs here (rather than one given from outside). */
	public boolean ownsKafka() {
		return this.kafka != null;
	}

	/** Every instance of every service, in the order they were started. */
	List<ServiceInstance> instances() {
		return List.copyOf(this.instances);
	}

	/** The instances of one service. */
	List<ServiceInstance> instances(Service service) {
		return this.instances.stream().filter((i) -> i.service() == service).toList();
	}

	/** An instance by its name, such as {@code enrich-service-2}. */
	ServiceInstance instance(String name) {
		return this.instances.stream()
			.filter((i) -> i.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No instance " + name));
	}

	/** The JVM of every instance now. */
	List<ServiceProcess> processes() {
		return this.instances.stream().map(ServiceInstance::process).filter(java.util.Objects::nonNull).toList();
	}

	/** The restart policy the pipeline heals by. */
	RestartPolicy restarts() {
		return this.options.restarts();
	}

	/** Whether {@link #close()} has been called. */
	public boolean closing() {
		return this.closing.get();
	}

	/** Stops healing, then the services (gracefully, in parallel), then the broker. */
	@Override
	public void close() {
		if (!this.closing.compareAndSet(false, true)) {
			return;
		}
		this.healer.shutdownNow();
		this.instances.parallelStream().forEach(ServiceInstance::stop);
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
	 * @param ports the port of each service's first instance, the others taking the
	 * following ones; a missing service gets its default (moved past the ports of the
	 * service before it if they overlap), 0 picks free ones
	 * @param servicesDirectory where the services' runnable jars are
	 * @param logDirectory where each instance writes its log, {@code <service>-<n>.log}
	 * @param serviceArguments extra arguments given to every service
	 * @param instances how many instances of each service to run; a missing service runs
	 * one
	 * @param restarts when an instance that died is started again
	 */
	public record Options(int kafkaPort, String bootstrapServers, Path dataDirectory, Map<Service, Integer> ports,
			Path servicesDirectory, Path logDirectory, List<String> serviceArguments, Map<Service, Integer> instances,
			RestartPolicy restarts) {

		public Options {
			ports = Map.copyOf(ports);
			serviceArguments = List.copyOf(serviceArguments);
			instances = Map.copyOf(instances);
			instances.forEach((service, count) -> {
				if (count < 1) {
					throw new IllegalArgumentException(
							service.artifact() + " needs at least one instance, not " + count);
				}
			});
		}

		/** One instance of each service, healed by the default restart policy. */
		public Options(int kafkaPort, String bootstrapServers, Path dataDirectory, Map<Service, Integer> ports,
				Path servicesDirectory, Path logDirectory, List<String> serviceArguments) {
			this(kafkaPort, bootstrapServers, dataDirectory, ports, servicesDirectory, logDirectory, serviceArguments,
					Map.of(), RestartPolicy.DEFAULT);
		}

		/** The same options with another number of instances of each service. */
		public Options withInstances(Map<Service, Integer> instances) {
			return new Options(this.kafkaPort, this.bootstrapServers, this.dataDirectory, this.ports,
					this.servicesDirectory, this.logDirectory, this.serviceArguments, instances, this.restarts);
		}

		/** The same options with another restart policy. */
		public Options withRestarts(RestartPolicy restarts) {
			return new Options(this.kafkaPort, this.bootstrapServers, this.dataDirectory, this.ports,
					this.servicesDirectory, this.logDirectory, this.serviceArguments, this.instances, restarts);
		}

	}

}
