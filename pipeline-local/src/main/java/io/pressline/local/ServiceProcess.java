package io.pressline.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One service running as a child JVM from its runnable jar, its output in a log file.
 * Stopping it sends SIGTERM, so Spring shuts it down gracefully; after a grace period it
 * is killed.
 */
final class ServiceProcess {

	/** System property with extra options for the service JVMs. */
	static final String JVM_OPTIONS_PROPERTY = "pressline.local.jvm-options";

	/** Time a running service gets to finish its work and leave its consumer groups. */
	private static final Duration GRACE = Duration.ofSeconds(30);

	/**
	 * A service still starting does not act on SIGTERM until its context is up: do not
	 * wait for that.
	 */
	private static final Duration GRACE_WHILE_STARTING = Duration.ofSeconds(5);

	private final Service service;

	private final String name;

	private final int port;

	private final Path logFile;

	private final Process process;

	private volatile boolean ready;

	private ServiceProcess(Service service, String name, int port, Path logFile, Process process) {
		this.service = service;
		this.name = name;
		this.port = port;
		this.logFile = logFile;
		this.process = process;
	}

	/**
	 * Extra options for every service JVM, from the system property
	 * {@value #JVM_OPTIONS_PROPERTY} (space-separated); the tests set it, a local run or
	 * a load test leaves the JVM's defaults.
	 */
	static List<String> jvmOptions() {
		String options = System.getProperty(JVM_OPTIONS_PROPERTY, "").strip();
		return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
	}

	/**
	 * Starts one instance of a service.
	 * @param name the instance's name ({@code enrich-service-2}): its identity in Kafka's
	 * transactions and the name of its log file
	 * @param appendLog whether to go on writing the instance's log file (a restart)
	 * rather than begin it anew
	 */
	static ServiceProcess start(Service service, String name, Path jar, int port, String bootstrapServers,
			Path logDirectory, List<String> extraArguments, boolean appendLog) {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("Cannot find " + jar + ": build first with ./mvnw -DskipTests package");
		}
		Path log = logDirectory.resolve(name + ".log");
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.add(service.heap());
		command.addAll(jvmOptions());
		command.add("-jar");
		command.add(jar.toString());
		command.add("--server.port=" + port);
		command.add("--spring.kafka.bootstrap-servers=" + bootstrapServers);
		// The instance's name is its identity in Kafka's transactions: the same after a
		// restart, different from its siblings'.
		command.add("--pressline.instance-id=" + name);
		command.addAll(extraArguments);
		try {
			Files.createDirectories(logDirectory);
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(appendLog ? ProcessBuilder.Redirect.appendTo(log.toFile())
						: ProcessBuilder.Redirect.to(log.toFile()))
				.start();
			return new ServiceProcess(service, name, port, log, process);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + name, ex);
		}
	}

	/** The service's JVM, for its CPU time and memory. */
	ProcessHandle handle() {
		return this.process.toHandle();
	}

	Service service() {
		return this.service;
	}

	/** The instance's name: enrich-service-2. */
	String name() {
		return this.name;
	}

	int port() {
		return this.port;
	}

	String url() {
		return "http://localhost:" + this.port;
	}

	Path logFile() {
		return this.logFile;
	}

	boolean alive() {
		return this.process.isAlive();
	}

	/** Completes when the process has exited, for whatever reason. */
	java.util.concurrent.CompletableFuture<Process> onExit() {
		return this.process.onExit();
	}

	long pid() {
		return this.process.pid();
	}

	/** The exit code of a JVM that has exited. */
	int exitCode() {
		return this.process.exitValue();
	}

	/** Waits until the service's readiness probe answers UP. */
	void awaitReady(Duration timeout) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		HttpRequest probe = HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited with code " + this.process.exitValue()
						+ " while starting; the end of " + this.logFile + ":\n" + tail(40));
			}
			try {
				if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					this.ready = true;
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for " + this.name, ex);
			}
			pause();
		}
		throw new IllegalStateException(this.name + " was not ready within " + timeout.toSeconds() + " s; the end of "
				+ this.logFile + ":\n" + tail(40));
	}

	/** Stops the service gracefully, or kills it after the grace period. */
	void stop() {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			Duration grace = this.ready ? GRACE : GRACE_WHILE_STARTING;
			if (!this.process.waitFor(grace.toSeconds(), TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/** Kills the service at once, as a crash would. */
	void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	String tail(int lines) {
		try {
			List<String> all = Files.readAllLines(this.logFile);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(log unreadable: " + ex.getMessage() + ")";
		}
	}

	private static void pause() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
