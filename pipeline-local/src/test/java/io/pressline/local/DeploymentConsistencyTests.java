package io.pressline.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No engine runs here to start docker-compose.yml, so this checks that what it names
 * matches what the services are configured with: every topic, compaction, partitions,
 * ports and build targets.
 */
class DeploymentConsistencyTests {

	private static final Path ROOT = Path.of("..");

	private static final Pattern TOPIC_LOOP = Pattern.compile("for topic in ([a-z.\\s-]+); do\\s*\\n(.*?)\\n\\s*done",
			Pattern.DOTALL);

	@Test
	void composeCreatesExactlyThePipelineTopicsCompactedWhereTheServicesExpect() throws IOException {
		Map<String, Object> topics = section(yaml("platform/src/main/resources/pressline-defaults.yml"), "pressline",
				"topics");
		Set<String> expected = new LinkedHashSet<>();
		for (String key : List.of("submitted", "enriched", "published", "latest", "status", "publish-state",
				"releases")) {
			expected.add((String) topics.get(key));
		}
		// Their dead-letter topics, made in advance so that they take records as large.
		expected.add(topics.get("submitted") + ".dlq");
		expected.add(topics.get("enriched") + ".dlq");
		Set<String> compactedExpected = Set.of((String) topics.get("latest"), (String) topics.get("status"),
				(String) topics.get("publish-state"));

		String init = initCommand();
		Set<String> created = new LinkedHashSet<>();
		Set<String> compacted = new LinkedHashSet<>();
		Set<String> sized = new LinkedHashSet<>();
		Matcher loop = TOPIC_LOOP.matcher(init);
		while (loop.find()) {
			List<String> names = List.of(loop.group(1).strip().split("\\s+"));
			created.addAll(names);
			if (loop.group(2).contains("cleanup.policy=compact")) {
				compacted.addAll(names);
			}
			if (loop.group(2).contains("max.message.bytes=$$MAX_MESSAGE_BYTES")) {
				sized.addAll(names);
			}
		}

		assertThat(created).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(compacted).containsExactlyInAnyOrderElementsOf(compactedExpected);
		assertThat(sized).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(
				section(yaml("docker-compose.yml"), "services", "kafka-init", "environment").get("MAX_MESSAGE_BYTES"))
			.hasToString(topics.get("max-message-size").toString());
	}

	@Test
	void composeUsesTheServicesPartitionCount() throws IOException {
		Object partitions = section(yaml("platform/src/main/resources/pressline-defaults.yml"), "pressline", "topics")
			.get("partitions");
		Map<String, Object> init = section(yaml("docker-compose.yml"), "services", "kafka-init");

		assertThat(section(init, "environment").get("PARTITIONS")).hasToString(partitions.toString());
	}

	@ParameterizedTest
	@EnumSource(Service.class)
	@SuppressWarnings("unchecked")
	void eachServiceRunsOnItsConfiguredPortFromItsOwnBuildTarget(Service service) throws IOException {
		Object configuredPort = section(yaml(service.artifact() + "/src/main/resources/application.yml"), "server")
			.get("port");
		Map<String, Object> compose = section(yaml("docker-compose.yml"), "services", service.artifact());

		assertThat(configuredPort).isEqualTo(service.defaultPort());
		assertThat(section(compose, "environment").get("SERVER_PORT")).isEqualTo(String.valueOf(configuredPort));
		assertThat((List<Object>) compose.get("ports"))
			.containsExactly((Object) (configuredPort + ":" + configuredPort));
		assertThat(section(compose, "environment").get("SPRING_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:29092");
		assertThat(section(compose, "build").get("target")).isEqualTo(service.artifact());
		assertThat(Files.readString(ROOT.resolve("Dockerfile"))).contains("AS " + service.artifact() + "\n")
			.contains("/src/" + service.artifact() + "/target/" + service.artifact() + "-*-exec.jar")
			.contains("EXPOSE " + configuredPort);
		assertThat((String) ((List<?>) section(compose, "healthcheck").get("test")).get(3))
			.isEqualTo("http://localhost:" + configuredPort + "/actuator/health/readiness");
	}

	@Test
	void servicesReachKafkaOnTheListenerKafkaAdvertisesToTheComposeNetwork() throws IOException {
		Map<String, Object> kafka = section(yaml("docker-compose.yml"), "services", "kafka", "environment");

		assertThat((String) kafka.get("KAFKA_ADVERTISED_LISTENERS")).contains("INTERNAL://kafka:29092");
		assertThat(section(yaml("docker-compose.yml"), "services", "kafka-init", "environment").get("BOOTSTRAP"))
			.isEqualTo("kafka:29092");
	}

	@Test
	@SuppressWarnings("unchecked")
	void prometheusScrapesEveryServiceOnItsPortAndGrafanaGetsItsDashboard() throws IOException {
		Map<String, Object> scrape = (Map<String, Object>) ((List<?>) yaml("deploy/prometheus/prometheus.yml")
			.get("scrape_configs")).get(0);
		assertThat(scrape.get("metrics_path")).isEqualTo("/actuator/prometheus");
		List<String> targets = ((List<Map<String, Object>>) scrape.get("static_configs")).stream()
			.flatMap((config) -> ((List<String>) config.get("targets")).stream())
			.toList();
		assertThat(targets).containsExactlyInAnyOrder(java.util.Arrays.stream(Service.values())
			.map((service) -> service.artifact() + ":" + service.defaultPort())
			.toArray(String[]::new));

		Map<String, Object> services = section(yaml("docker-compose.yml"), "services");
		assertThat((List<String>) section(services, "prometheus").get("volumes"))
			.contains("./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
		// The metrics are for operators: Prometheus presents their key from the file its
		// entrypoint writes, and every service accepts that key as ADMIN.
		Map<String, Object> authorization = (Map<String, Object>) scrape.get("authorization");
		assertThat(authorization.get("type")).isEqualTo("Bearer");
		String keyFile = (String) authorization.get("credentials_file");
		assertThat(String.join(" ", (List<String>) section(services, "prometheus").get("entrypoint")))
			.contains("\"$$PRESSLINE_OPERATOR_KEY\" > " + keyFile);
		for (Service service : Service.values()) {
			Map<String, Object> environment = section(services, service.artifact(), "environment");
			assertThat(environment.get("PRESSLINE_SECURITY_API_KEYS_1_KEY")).as(service.artifact())
				.isEqualTo(section(services, "prometheus", "environment").get("PRESSLINE_OPERATOR_KEY"));
			assertThat(environment.get("PRESSLINE_SECURITY_API_KEYS_1_ROLES")).isEqualTo("ADMIN");
			assertThat(environment.get("PRESSLINE_SECURITY_API_KEYS_0_ROLES")).isEqualTo("EDITOR");
		}
		assertThat((List<String>) section(services, "grafana").get("volumes")).contains(
				"./deploy/grafana/provisioning:/etc/grafana/provisioning:ro",
				"./deploy/grafana/dashboards:/var/lib/grafana/dashboards:ro");
		Map<String, Object> datasource = (Map<String, Object>) ((List<?>) yaml(
				"deploy/grafana/provisioning/datasources/prometheus.yml")
			.get("datasources")).get(0);
		assertThat(datasource.get("url")).isEqualTo("http://prometheus:9090");
		String dashboard = Files.readString(ROOT.resolve("deploy/grafana/dashboards/pressline-pipeline.json"));
		assertThat(dashboard).contains("\"uid\": \"" + datasource.get("uid") + "\"");
	}

	private static String initCommand() throws IOException {
		Map<String, Object> init = section(yaml("docker-compose.yml"), "services", "kafka-init");
		return String.join("\n", ((List<?>) init.get("command")).stream().map(Object::toString).toList());
	}

	private static Map<String, Object> yaml(String file) throws IOException {
		return new Yaml().load(Files.readString(ROOT.resolve(file)));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> section(Map<String, Object> yaml, String... path) {
		Map<String, Object> current = yaml;
		for (String key : path) {
			current = (Map<String, Object>) current.get(key);
			assertThat(current).as("section %s", key).isNotNull();
		}
		return current;
	}

}
