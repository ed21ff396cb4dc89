package io.pressline.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

import io.pressline.kafka.local.LocalKafka;

/**
 * Gives tests a real Kafka broker, one per test JVM, started on first use and stopped
 * when the JVM exits. Where a Docker engine answers, the broker is Testcontainers' Kafka;
 * otherwise it is Kafka's own KRaft server started in-process. Which one ran is printed
 * and published as a JUnit report entry, so a test report always says it.
 *
 * <p>
 * {@code PRESSLINE_TEST_KAFKA} (environment or system property) forces the choice:
 * {@code testcontainers} fails when no engine answers instead of falling back,
 * {@code in-process} never asks Docker. {@code PRESSLINE_TEST_KAFKA_IMAGE} names the
 * image.
 *
 * <p>
 * As an extension (through {@link KafkaTest}) it also sets the system property
 * {@code spring.kafka.bootstrap-servers}, which Spring Boot tests then pick up.
 */
public final class TestKafka implements BeforeAllCallback {

	private static final Logger log = LoggerFactory.getLogger(TestKafka.class);

	private static final String DEFAULT_IMAGE = "apache/kafka:4.1.2";

	private static final String DOCKER_SOCKET = "/var/run/docker.sock";

	private static Broker broker;

	/**
	 * How often the broker aborts transactions that outlived their timeout: every half
	 * second rather than every ten, so that a test of a stalled batch sees its
	 * transaction aborted soon after its (short) timeout.
	 */
	private static final String ABORT_CHECK = "transaction.abort.timed.out.transaction.cleanup.interval.ms";

	private static final int ABORT_CHECK_MS = 500;

	@Override
	public void beforeAll(ExtensionContext context) {
		Broker started = broker();
		System.setProperty("spring.kafka.bootstrap-servers", started.bootstrapServers());
		context.publishReportEntry("kafka", started.description());
	}

	/** The broker's {@code bootstrap.servers}, starting it if needed. */
	public static String bootstrapServers() {
		return broker().bootstrapServers();
	}

	/** Which broker the tests run on, in words. */
	public static String description() {
		return broker().description();
	}

	private static synchronized Broker broker() {
		if (broker == null) {
			broker = start();
			Runtime.getRuntime().addShutdownHook(new Thread(broker.stop(), "test-kafka-stop"));
			String banner = "Kafka for these tests: " + broker.description();
			System.out.println(banner);
			log.info(banner);
		}
		return broker;
	}

	private static Broker start() {
		String choice = setting("PRESSLINE_TEST_KAFKA", "auto").toLowerCase(Locale.ROOT);
		switch (choice) {
			case "in-process":
				return inProcess("in-process KRaft broker (PRESSLINE_TEST_KAFKA=in-process)");
			case "testcontainers":
				return container();
			case "auto":
				if (!dockerConfigured()) {
					return inProcess("in-process KRaft broker (no Docker engine configured: no DOCKER_HOST, no "
							+ DOCKER_SOCKET + ", so Testcontainers did not run)");
				}
				if (DockerClientFactory.instance().isDockerAvailable()) {
					return container();
				}
				return inProcess("in-process KRaft broker (no Docker engine answered, so Testcontainers did not run)");
			default:
				throw new IllegalStateException(
						"PRESSLINE_TEST_KAFKA must be auto, in-process or testcontainers, not '" + choice + "'");
		}
	}

	private static Broker inProcess(String why) {
		LocalKafka kafka = LocalKafka.builder().brokerProperty(ABORT_CHECK, ABORT_CHECK_MS).start();
		return new Broker(kafka.bootstrapServers(), why + " at " + kafka.bootstrapServers(), kafka::close);
	}

	private static Broker container() {
		String image = setting("PRESSLINE_TEST_KAFKA_IMAGE", DEFAULT_IMAGE);
		KafkaContainer kafka = new KafkaContainer(
				DockerImageName.parse(image).asCompatibleSubstituteFor("apache/kafka"));
		kafka.withEnv("KAFKA_" + ABORT_CHECK.toUpperCase(Locale.ROOT).replace('.', '_'),
				String.valueOf(ABORT_CHECK_MS));
		kafka.start();
		return new Broker(kafka.getBootstrapServers(),
				"Testcontainers Kafka (" + image + ") at " + kafka.getBootstrapServers(), kafka::stop);
	}

	/**
	 * Whether any Docker endpoint is configured at all; Testcontainers logs an error
	 * probing when none is.
	 */
	private static boolean dockerConfigured() {
		return setting("DOCKER_HOST", null) != null || Files.exists(Path.of(DOCKER_SOCKET))
				|| Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
	}

	private static String setting(String name, String fallback) {
		String value = System.getProperty(name, System.getenv(name));
		return (value == null || value.isBlank()) ? fallback : value.strip();
	}

	private record Broker(String bootstrapServers, String description, Runnable stop) {
	}

}
