package io.pressline.kafka.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real Kafka cluster in KRaft mode, running inside this JVM: the same server classes
 * {@code kafka-server-start.sh} runs, each node both broker and controller, listening on
 * loopback only. Data lives in a directory of the caller's choice (kept across runs) or
 * in a temporary one (deleted on {@link #close()}).
 *
 * <pre>
 * try (LocalKafka kafka = LocalKafka.builder().port(9092).start()) {
 *     String bootstrap = kafka.bootstrapServers();
 * }
 * </pre>
 */
public final class LocalKafka implements AutoCloseable {

	private final List<Node> nodes;

	private final Path dataDirectory;

	private final boolean deleteOnClose;

	private LocalKafka(List<Node> nodes, Path dataDirectory, boolean deleteOnClose) {
		this.nodes = nodes;
		this.dataDirectory = dataDirectory;
		this.deleteOnClose = deleteOnClose;
	}

	public static Builder builder() {
		return new Builder();
	}

	/** The {@code bootstrap.servers} value for clients, every running node listed. */
	public String bootstrapServers() {
		return this.nodes.stream()
			.filter(Node::running)
			.map((node) -> "localhost:" + node.port)
			.collect(Collectors.joining(","));
	}

	/** Number of nodes in the cluster, running or stopped. */
	public int size() {
		return this.nodes.size();
	}

	/** Where the cluster keeps its logs. */
	public Path dataDirectory() {
		return this.dataDirectory;
	}

	/**
	 * Stops one node, for failure tests; the others go on. It hands its partitions'
	 * leadership over first unless the cluster runs with
	 * {@code controlled.shutdown.enable=false}: then, as when its machine crashes, the
	 * controller moves leadership only once the node's heartbeats have stopped for
	 * {@code broker.session.timeout.ms}.
	 */
	public void stopNode(int index) {
		this.nodes.get(index).stop();
	}

	/**
	 * Starts a stopped node again on its ports and data, as after a reboot of its
	 * machine; it catches up with the others as a follower. Returns once it runs.
	 */
	public void startNode(int index) {
		this.nodes.get(index).restart();
	}

	/** Whether a node runs (it was not stopped, or was started again). */
	public boolean running(int index) {
		return this.nodes.get(index).running();
	}

	@Override
	public void close() {
		this.nodes.parallelStream().forEach(Node::stop);
		if (this.deleteOnClose) {
			deleteRecursively(this.dataDirectory);
		}
	}

	private static void deleteRecursively(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete " + directory, ex);
		}
	}

	/** Options of a local cluster. */
	public static final class Builder {

		private int nodes = 1;

		private int port;

		private Path dataDirectory;

		private final Map<String, String> brokerProperties = new LinkedHashMap<>();

		private Builder() {
		}

		/** Nodes of the cluster, each broker and controller (default 1). */
		public Builder nodes(int nodes) {
			if (nodes < 1) {
				throw new IllegalArgumentException("A cluster needs at least one node, not " + nodes);
			}
			this.nodes = nodes;
			return this;
		}

		/** Client port of the first node; 0 (the default) picks a free one. */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("Not a port: " + port);
			}
			this.port = port;
			return this;
		}

		/**
		 * Directory for the cluster's data, kept after close; by default a temporary one
		 * that is deleted.
		 */
		public Builder dataDirectory(Path dataDirectory) {
			this.dataDirectory = dataDirectory;
			return this;
		}

		/** A broker setting on every node, overriding the defaults. */
		public Builder brokerProperty(String name, Object value) {
			this.brokerProperties.put(name, String.valueOf(value));
			return this;
		}

		/**
		 * Formats the storage where needed, starts every node and waits until all are up.
		 */
		public LocalKafka start() {
			boolean temporary = this.dataDirectory == null;
			Path root;
			try {
				root = temporary ? Files.createTempDirectory("pressline-kafka-")
						: Files.createDirectories(this.dataDirectory);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot create the Kafka data directory", ex);
			}
			List<Node> nodes = new ArrayList<>();
			for (int id = 1; id <= this.nodes; id++) {
				int clientPort = (id == 1 && this.port != 0) ? checkFree(this.port) : freePort();
				nodes.add(new Node(id, clientPort, freePort(), root.resolve("node-" + id)));
			}
			String voters = nodes.stream()
				.map((node) -> node.id + "@localhost:" + node.controllerPort)
				.collect(Collectors.joining(","));
			String clusterId = clusterId(root);
			LocalKafka cluster = new LocalKafka(nodes, root, temporary);
			try {
				for (Node node : nodes) {
					node.configure(voters, this.nodes, this.brokerProperties);
					node.format(clusterId);
				}
				// Nodes wait for a controller quorum while they start, so they must start
				// together.
				CompletableFuture
					.allOf(nodes.stream()
						.map((node) -> CompletableFuture.runAsync(node::start))
						.toArray(CompletableFuture[]::new))
					.join();
			}
			catch (RuntimeException ex) {
				cluster.close();
				throw new IllegalStateException("Kafka did not start: " + rootCause(ex).getMessage(), ex);
			}
			return cluster;
		}

		private static String clusterId(Path root) {
			Path file = root.resolve("cluster.id");
			try {
				if (Files.exists(file)) {
					return Files.readString(file).strip();
				}
				String id = Uuid.randomUuid().toString();
				Files.writeString(file, id);
				return id;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot keep the cluster id in " + file, ex);
			}
		}

		private static Throwable rootCause(Throwable ex) {
			Throwable cause = ex;
			while (cause.getCause() != null && cause.getCause() != cause) {
				cause = cause.getCause();
			}
			return cause;
		}

	}

	private static int checkFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			return port;
		}
		catch (BindException ex) {
			throw new IllegalStateException("Port " + port + " is already in use: is another Kafka running? "
					+ "Stop it or choose another port.", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static final class Node {

		private final int id;

		private final int port;

		private final int controllerPort;

		private final Path directory;

		private Properties properties;

		private volatile KafkaRaftServer server;

		Node(int id, int port, int controllerPort, Path directory) {
			this.id = id;
			this.port = port;
			this.controllerPort = controllerPort;
			this.directory = directory;
		}

		void configure(String voters, int clusterSize, Map<String, String> overrides) {
			short replicas = (short) Math.min(3, clusterSize);
			Properties props = new Properties();
			props.put("process.roles", "broker,controller");
			props.put("node.id", String.valueOf(this.id));
			props.put("controller.quorum.voters", voters);
			props.put("listeners",
					"PLAINTEXT://localhost:" + this.port + ",CONTROLLER://localhost:" + this.controllerPort);
			props.put("advertised.listeners", "PLAINTEXT://localhost:" + this.port);
			props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
			props.put("controller.listener.names", "CONTROLLER");
			props.put("inter.broker.listener.name", "PLAINTEXT");
			props.put("log.dirs", this.directory.resolve("data").toString());
			props.put("metadata.log.dir", this.directory.resolve("metadata").toString());
			props.put("num.partitions", "3");
			props.put("default.replication.factor", String.valueOf(replicas));
			props.put("offsets.topic.replication.factor", String.valueOf(replicas));
			props.put("transaction.state.log.replication.factor", String.valueOf(replicas));
			props.put("transaction.state.log.min.isr", String.valueOf(Math.min(2, replicas)));
			props.put("group.initial.rebalance.delay.ms", "0");
			props.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
			props.putAll(overrides);
			this.properties = props;
		}

		void format(String clusterId) {
			Path config = this.directory.resolve("server.properties");
			ByteArrayOutputStream output = new ByteArrayOutputStream();
			try {
				Files.createDirectories(this.directory);
				try (Writer writer = Files.newBufferedWriter(config)) {
					this.properties.store(writer, "Pressline local Kafka node " + this.id);
				}
				int exit = StorageTool.execute(new String[] { "format", "--cluster-id", clusterId, "--config",
						config.toString(), "--ignore-formatted" },
						new PrintStream(output, true, StandardCharsets.UTF_8));
				if (exit != 0) {
					throw new IllegalStateException("Formatting Kafka storage failed: " + output);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot prepare " + this.directory, ex);
			}
		}

		void start() {
			KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(this.properties, false), Time.SYSTEM);
			server.startup();
			this.server = server;
		}

		synchronized void restart() {
			if (this.server == null) {
				start();
			}
		}

		boolean running() {
			return this.server != null;
		}

		synchronized void stop() {
			if (this.server != null) {
				this.server.shutdown();
				this.server.awaitShutdown();
				this.server = null;
			}
		}

	}

}
