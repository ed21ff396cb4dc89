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
 * Checks that what docker-compose.yml and its SASL/TLS overlay name matches what the
 * services are configured with (every topic, compaction, partitions, ports, build
 * targets) and that the file keeps the shape the deployment needs: three replicated KRaft
 * nodes, services that scale (no ports or names of their own, an instance id per
 * container) behind the proxy. testing/deployment/run.sh runs the file for real, under
 * podman.
 */
class DeploymentConsistencyTests {

	private static final Path ROOT = Path.of("..");

	private static final List<String> KAFKA_NODES = List.of("kafka-1", "kafka-2", "kafka-3");

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
		// ingest-service's own: the version numbers.
		assertThat(section(yaml("ingest-service/src/main/resources/application.yml"), "pressline", "ingest", "versions")
			.get("topic")).isEqualTo("${pressline.topics.versions}");
		String versions = (String) topics.get("versions");
		expected.add(versions);
		Set<String> compactedExpected = Set.of((String) topics.get("latest"), (String) topics.get("status"),
				(String) topics.get("publish-state"), versions);

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
		assertThat((List<Object>) compose.get("expose")).containsExactly((Object) String.valueOf(configuredPort));
		assertThat(section(compose, "build").get("target")).isEqualTo(service.artifact());
		assertThat(Files.readString(ROOT.resolve("Dockerfile"))).contains("AS " + service.artifact() + "\n")
			.contains("/src/" + service.artifact() + "/target/" + service.artifact() + "-*-exec.jar")
			.contains("EXPOSE " + configuredPort);
		assertThat((String) ((List<?>) section(compose, "healthcheck").get("test")).get(3))
			.isEqualTo("http://localhost:" + configuredPort + "/actuator/health/readiness");
	}

	@ParameterizedTest
	@EnumSource(Service.class)
	void eachServiceScalesWithAnInstanceIdOfItsOwnContainer(Service service) throws IOException {
		Map<String, Object> compose = section(yaml("docker-compose.yml"), "services", service.artifact());

		// A published port or a fixed name would stop a second instance from starting.
		assertThat(compose).doesNotContainKeys("ports", "container_name", "hostname");
		// The transactional ids are named after it: Spring resolves ${HOSTNAME} in the
		// container (compose's $$ keeps it from being resolved on the host).
		assertThat(section(compose, "environment").get("PRESSLINE_INSTANCE_ID")).isEqualTo("$${HOSTNAME}");
		assertThat(section(compose, "environment").get("PRESSLINE_TOPICS_REPLICATION_FACTOR")).isEqualTo("3");
	}

	@Test
	@SuppressWarnings("unchecked")
	void theProxyIsTheOneWayInAndFindsEveryInstance() throws IOException {
		Map<String, Object> services = section(yaml("docker-compose.yml"), "services");
		Map<String, Object> proxy = section(services, "proxy");
		assertThat((List<String>) proxy.get("ports")).containsExactlyInAnyOrder("8081:8081", "8083:8083");
		assertThat((List<String>) proxy.get("volumes"))
			.contains("./deploy/proxy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro");

		String config = Files.readString(ROOT.resolve("deploy/proxy/haproxy.cfg"));
		// Editors reach ingest on its own port, sites publish-service on its own: the
		// addresses
		// the README gives stay the same.
		assertThat(config).contains("bind :" + Service.INGEST.defaultPort(), "bind :" + Service.PUBLISH.defaultPort())
			.contains("ingest-service:" + Service.INGEST.defaultPort(),
					"publish-service:" + Service.PUBLISH.defaultPort())
			.contains("option httpchk GET /actuator/health/readiness")
			.contains("parse-resolv-conf")
			.doesNotContain("enrich-service");
		// Only the read API, feeds and event stream of publish-service, which are public
		// anyway.
		List<String> publicPaths = (List<String>) section(yaml("publish-service/src/main/resources/application.yml"),
				"pressline", "security")
			.get("public-paths");
		for (String path : publicPaths) {
			assertThat(config).contains(" " + path.replace("/**", ""));
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void kafkaRunsThreeReplicatedKraftNodes() throws IOException {
		Map<String, Object> services = section(yaml("docker-compose.yml"), "services");
		Set<Object> nodeIds = new LinkedHashSet<>();
		Set<Object> clusterIds = new LinkedHashSet<>();
		for (String node : KAFKA_NODES) {
			Map<String, Object> environment = section(services, node, "environment");
			nodeIds.add(environment.get("KAFKA_NODE_ID"));
			clusterIds.add(environment.get("CLUSTER_ID"));
			assertThat(environment.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
			assertThat(environment.get("KAFKA_CONTROLLER_QUORUM_VOTERS"))
				.isEqualTo("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093");
			assertThat(environment).containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
				.containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
				.containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3")
				.containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3")
				.containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2")
				.containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
			// Tools on the host only: the plain listener is published on loopback.
			assertThat((List<String>) section(services, node).get("ports"))
				.allMatch((port) -> port.startsWith("127.0.0.1:"));
		}
		assertThat(nodeIds).containsExactly("1", "2", "3");
		assertThat(clusterIds).hasSize(1);

		Map<String, Object> init = section(services, "kafka-init", "environment");
		assertThat(init).containsEntry("REPLICATION_FACTOR", "3").containsEntry("MIN_INSYNC_REPLICAS", "2");
		Matcher loop = TOPIC_LOOP.matcher(initCommand());
		int loops = 0;
		while (loop.find()) {
			loops++;
			assertThat(loop.group(2)).contains("--replication-factor $$REPLICATION_FACTOR")
				.contains("--config min.insync.replicas=$$MIN_INSYNC_REPLICAS");
		}
		assertThat(loops).isEqualTo(2);
		assertThat((Map<String, Object>) section(services, "kafka-init").get("depends_on"))
			.containsOnlyKeys(KAFKA_NODES);
	}

	@Test
	void servicesReachKafkaOnTheListenerKafkaAdvertisesToTheComposeNetwork() throws IOException {
		Map<String, Object> services = section(yaml("docker-compose.yml"), "services");
		String bootstrap = String.join(",", KAFKA_NODES.stream().map((node) -> node + ":29092").toList());
		for (String node : KAFKA_NODES) {
			assertThat((String) section(services, node, "environment").get("KAFKA_ADVERTISED_LISTENERS"))
				.contains("INTERNAL://" + node + ":29092");
		}
		assertThat(section(services, "kafka-init", "environment").get("BOOTSTRAP")).isEqualTo(bootstrap);
		for (Service service : Service.values()) {
			assertThat(section(services, service.artifact(), "environment").get("SPRING_KAFKA_BOOTSTRAP_SERVERS"))
				.isEqualTo(bootstrap);
		}
		// The desk's tag preview asks enrich-service on the compose network, not
		// localhost.
		assertThat(section(services, "ingest-service", "environment").get("PRESSLINE_INGEST_DESK_ENRICH_URL"))
			.isEqualTo("http://enrich-service:" + Service.ENRICH.defaultPort());
	}

	@Test
	void theSaslTlsOverlaySecuresEveryNodeAndEveryService() throws IOException {
		Map<String, Object> main = section(yaml("docker-compose.yml"), "services");
		Map<String, Object> overlay = section(yaml("deploy/kafka/docker-compose.sasl-tls.yml"), "services");
		for (String node : KAFKA_NODES) {
			Map<String, Object> environment = section(overlay, node, "environment");
			// Every listener the main file names, the controllers' among them.
			String listeners = (String) section(main, node, "environment").get("KAFKA_LISTENERS");
			for (String listener : listeners.split(",")) {
				String name = listener.substring(0, listener.indexOf(':'));
				assertThat((String) environment.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")).as(node)
					.contains(name + ":SASL_SSL");
			}
			assertThat((String) environment.get("KAFKA_SUPER_USERS")).doesNotContain("ANONYMOUS");
		}
		for (Service service : Service.values()) {
			assertThat(section(overlay, service.artifact(), "environment"))
				.containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
		}
		assertThat(section(overlay, "kafka-init", "environment")).containsKey("CLIENT_CONFIG");
	}

	@Test
	@SuppressWarnings("unchecked")
	void prometheusScrapesEveryServiceOnItsPortAndGrafanaGetsItsDashboard() throws IOException {
		Map<String, Object> scrape = (Map<String, Object>) ((List<?>) yaml("deploy/prometheus/prometheus.yml")
			.get("scrape_configs")).get(0);
		assertThat(scrape.get("metrics_path")).isEqualTo("/actuator/prometheus");
		// Every instance of each service: its name resolves to one address per container.
		List<String> targets = ((List<Map<String, Object>>) scrape.get("dns_sd_configs")).stream()
			.map((config) -> ((List<String>) config.get("names")).get(0) + ":" + config.get("port"))
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

	@ParameterizedTest
	@EnumSource(Service.class)
	void eachServiceTakesItsAvroFramingFromTheDeploymentSingleObjectByDefault(Service service) throws IOException {
		Map<String, Object> environment = section(yaml("docker-compose.yml"), "services", service.artifact(),
				"environment");
		Object defaultFormat = section(yaml("platform/src/main/resources/pressline-defaults.yml"), "pressline", "serde")
			.get("format");

		assertThat(environment.get("PRESSLINE_SERDE_FORMAT"))
			.isEqualTo("${PRESSLINE_SERDE_FORMAT:-" + defaultFormat + "}");
		assertThat(environment.get("PRESSLINE_SERDE_REGISTRY_URL")).isEqualTo("${PRESSLINE_SERDE_REGISTRY_URL:-}");
	}

	@Test
	void theSchemaRegistryIsTheOneTheLocalRunStartsInAProfileOfItsOwn() throws IOException {
		Map<String, Object> registry = section(yaml("docker-compose.yml"), "services", "schema-registry");
		Matcher version = Pattern.compile("<apicurio-registry.version>([^<]+)</")
			.matcher(Files.readString(ROOT.resolve("pom.xml")));

		assertThat(version.find()).isTrue();
		assertThat(registry.get("profiles")).isEqualTo(List.of("registry"));
		assertThat(registry.get("image"))
			.isEqualTo("${REGISTRY_IMAGE:-apicurio/apicurio-registry:" + version.group(1) + "}");
		assertThat(section(registry, "environment").get("APICURIO_KAFKASQL_BOOTSTRAP_SERVERS"))
			.isEqualTo(section(yaml("docker-compose.yml"), "services", "ingest-service", "environment")
				.get("SPRING_KAFKA_BOOTSTRAP_SERVERS"));
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
