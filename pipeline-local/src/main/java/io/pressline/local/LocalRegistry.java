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
 * Apicurio Registry in a JVM of its own, for {@code --registry} and the registry's
 * end-to-end test: the services register their schemas in it through its Confluent API
 * ({@link #confluentUrl()}), and frame their records with its ids.
 * <p>
 * Its distribution is unpacked by the Maven profile {@code registry} into
 * {@code pipeline-local/target/apicurio-registry}. It needs Java 21 or later, which the
 * services do not: the JVM is {@code --registry-java}, else
 * {@code $PRESSLINE_REGISTRY_JAVA_HOME}, else this JVM if it is recent enough, else
 * Temurin 25 where these machines have it. Its schemas are kept in an H2 file in its data
 * directory, so records written in one run stay readable in the next.
 */
public final class LocalRegistry implements AutoCloseable {

	private static final Duration GRACE = Duration.ofSeconds(20);

	private static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

	private final Process process;

	private final int port;

	private final int managementPort;

	private final Path logFile;

	private LocalRegistry(Process process, int port, int managementPort, Path logFile) {
		this.process = process;
		this.port = port;
		this.managementPort = managementPort;
		this.logFile = logFile;
	}

	/**
	 * Starts the registry and waits until it answers ready.
	 * @param home the unpacked distribution (with {@code quarkus-run.jar})
	 * @param java the {@code java} command of a JVM of 21 or later
	 * @param port its HTTP port; 0 picks a free one
	 * @param dataDirectory where it keeps its schemas
	 * @param logFile where its output goes
	 * @param timeout how long it may take to be ready
	 */
	public static LocalRegistry start(Path home, Path java, int port, Path dataDirectory, Path logFile,
			Duration timeout) {
		Path jar = home.resolve("quarkus-run.jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("Cannot find Apicurio Registry in " + home
					+ ": fetch it with ./mvnw -Pregistry -pl pipeline-local -am -DskipTests package");
		}
		int httpPort = (port == 0) ? LocalPipeline.freePort() : port;
		int managementPort = LocalPipeline.freePort();
		List<String> command = new ArrayList<>();
		command.add(java.toString());
		command.add("-Xmx384m");
		command.add("-Dquarkus.http.host=127.0.0.1");
		command.add("-Dquarkus.http.port=" + httpPort);
		command.add("-Dquarkus.management.host=127.0.0.1");
		command.add("-Dquarkus.management.port=" + managementPort);
		command.add("-Dapicurio.datasource.url=jdbc:h2:file:"
				+ dataDirectory.toAbsolutePath().resolve("registry").toString());
		command.add("-jar");
		command.add(jar.toString());
		try {
			Files.createDirectories(dataDirectory);
			Files.createDirectories(logFile.toAbsolutePath().getParent());
			Process process = new ProcessBuilder(command).directory(home.toFile())
				.redirectErrorStream(true)
				.redirectOutput(logFile.toFile())
				.start();
			LocalRegistry registry = new LocalRegistry(process, httpPort, managementPort, logFile);
			try {
				registry.awaitReady(timeout);
			}
			catch (RuntimeException ex) {
				registry.close();
				throw ex;
			}
			return registry;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start Apicurio Registry with " + java, ex);
		}
	}

	/**
	 * The {@code java} of a JVM that can run the registry.
	 * @param given {@code --registry-java}, or {@code null}
	 */
	static Path java(String given) {
		List<Path> candidates = new ArrayList<>();
		if (given != null) {
			candidates.add(Path.of(given));
		}
		String home = System.getenv("PRESSLINE_REGISTRY_JAVA_HOME");
		if (home != null && !home.isBlank()) {
			candidates.add(Path.of(home, "bin", "java"));
		}
		if (Runtime.version().feature() >= 21) {
			ProcessHandle.current().info().command().map(Path::of).ifPresent(candidates::add);
		}
		candidates.add(TEMURIN_25.resolve("bin/java"));
		for (Path candidate : candidates) {
			Path java = Files.isDirectory(candidate) ? candidate.resolve("bin/java") : candidate;
			if (Files.isExecutable(java)) {
				return java;
			}
			if (candidate.toString().equals(given)) {
				throw new IllegalArgumentException("--registry-java must be a java command or a JDK, not " + given);
			}
		}
		throw new IllegalStateException("Apicurio Registry needs Java 21 or later: give one with --registry-java=<JDK>"
				+ " or PRESSLINE_REGISTRY_JAVA_HOME");
	}

	/**
	 * Where the Maven profile {@code registry} unpacks the distribution: next to the
	 * services' jars.
	 */
	static Path defaultHome(Path servicesDirectory) {
		return servicesDirectory.toAbsolutePath().getParent().resolve("apicurio-registry");
	}

	private void awaitReady(Duration timeout) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		URI health = URI.create("http://127.0.0.1:" + this.managementPort + "/health/ready");
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("Apicurio Registry exited with code " + this.process.exitValue()
						+ " while starting; see " + this.logFile);
			}
			try {
				HttpResponse<Void> response = http.send(
						HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while Apicurio Registry was starting", ex);
			}
			try {
				this.process.waitFor(250, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while Apicurio Registry was starting", ex);
			}
		}
		throw new IllegalStateException(
				"Apicurio Registry is not ready after " + timeout.toSeconds() + " s; see " + this.logFile);
	}

	/** Its Confluent-compatible API, which the services are given. */
	public String confluentUrl() {
		return "http://localhost:" + this.port + "/apis/ccompat/v7";
	}

	/** Its own API (version 3), which Apicurio's serdes use by default. */
	public String nativeUrl() {
		return "http://localhost:" + this.port + "/apis/registry/v3";
	}

	/**
	 * The arguments that make a service write the registry's framing with this registry.
	 */
	public List<String> serviceArguments() {
		return List.of("--pressline.serde.format=registry", "--pressline.serde.registry-url=" + confluentUrl());
	}

	public Path logFile() {
		return this.logFile;
	}

	public long pid() {
		return this.process.pid();
	}

	/** Stops it with SIGTERM, and kills it if it has not stopped after a grace period. */
	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(GRACE.toSeconds(), TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

}
