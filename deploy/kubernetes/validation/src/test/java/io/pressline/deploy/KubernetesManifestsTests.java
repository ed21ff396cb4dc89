package io.pressline.deploy;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every manifest under deploy/kubernetes, checked without a cluster: Strimzi's resources
 * against the CRD schemas that Strimzi's own generator makes from its API classes (with
 * unknown fields refused, as {@code kubectl apply} refuses them), the Kubernetes ones by
 * fabric8's Kubernetes model (unknown and mistyped fields refused), and all of them
 * against what the services are configured with: every topic they use has a KafkaTopic of
 * the right shape, every topic, group and transactional id they touch is allowed to their
 * KafkaUser, ports, probes and the instance id are where the services expect them.
 */
class KubernetesManifestsTests {

	/** The repository's root: Maven runs the tests in deploy/kubernetes/validation. */
	private static final Path ROOT = Path.of("../../..").toAbsolutePath().normalize();

	private static final Path MANIFESTS = ROOT.resolve("deploy/kubernetes");

	private static final List<String> SERVICES = List.of("ingest-service", "enrich-service", "publish-service");

	private static final ObjectMapper JSON = new ObjectMapper()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

	private static final Map<String, Class<?>> CORE_KINDS = Map.of("v1/Namespace", Namespace.class, "v1/ConfigMap",
			ConfigMap.class, "v1/Service", Service.class, "apps/v1/Deployment", Deployment.class, "apps/v1/StatefulSet",
			StatefulSet.class, "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
			"networking.k8s.io/v1/Ingress", Ingress.class);

	/** Strimzi's API classes by kind, for the CRD generator. */
	private static final Map<String, String> STRIMZI_KINDS = Map.of("Kafka", "io.strimzi.api.kafka.model.kafka.Kafka",
			"KafkaNodePool", "io.strimzi.api.kafka.model.nodepool.KafkaNodePool", "KafkaTopic",
			"io.strimzi.api.kafka.model.topic.KafkaTopic", "KafkaUser", "io.strimzi.api.kafka.model.user.KafkaUser");

	private static List<Manifest> manifests;

	private static Map<String, JsonNode> crds;

	@BeforeAll
	static void load() throws Exception {
		manifests = new ArrayList<>();
		try (Stream<Path> files = Files.walk(MANIFESTS)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".yaml"))
				.filter((path) -> !path.startsWith(MANIFESTS.resolve("validation")))
				.sorted()
				.toList()) {
				for (Object document : new Yaml().loadAll(Files.readString(file))) {
					if (document != null) {
						manifests.add(new Manifest(MANIFESTS.relativize(file).toString(), JSON.valueToTree(document)));
					}
				}
			}
		}
		crds = generateCrds();
	}

	/**
	 * Runs Strimzi's CRD generator on its API classes, as Strimzi makes its install
	 * files.
	 */
	private static Map<String, JsonNode> generateCrds() throws Exception {
		Path out = Path.of("target/crds");
		Files.createDirectories(out);
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						Files.readString(Path.of("target/crd-generator.classpath")).strip(),
						"io.strimzi.crdgenerator.CrdGenerator", "--yaml", "--crd-api-version", "v1", "--api-versions",
						"v1beta2,v1", "--storage-version", "v1"));
		STRIMZI_KINDS.forEach((kind, type) -> command.add(type + "=" + out.resolve(kind + ".yaml")));
		Process generator = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(out.resolve("generator.log").toFile())
			.start();
		assertThat(generator.waitFor(120, TimeUnit.SECONDS)).as("the CRD generator finishes").isTrue();
		assertThat(generator.exitValue()).as("the CRD generator's exit code, see " + out.resolve("generator.log"))
			.isZero();
		Map<String, JsonNode> generated = new LinkedHashMap<>();
		for (String kind : STRIMZI_KINDS.keySet()) {
			generated.put(kind, JSON.valueToTree(new Yaml().load(Files.readString(out.resolve(kind + ".yaml")))));
		}
		return generated;
	}

	@Test
	void everyManifestNamesItsKindAndLivesInPresslinesNamespace() {
		assertThat(manifests).hasSizeGreaterThan(30);
		for (Manifest manifest : manifests) {
			assertThat(manifest.json().path("apiVersion").asText()).as(manifest.toString()).isNotEmpty();
			assertThat(manifest.json().path("metadata").path("name").asText()).as(manifest.toString()).isNotEmpty();
			if (!manifest.kind().equals("Namespace")) {
				assertThat(manifest.json().path("metadata").path("namespace").asText()).as(manifest.toString())
					.isEqualTo("pressline");
			}
			String key = manifest.apiVersion() + "/" + manifest.kind();
			assertThat(CORE_KINDS.containsKey(key) || manifest.apiVersion().startsWith("kafka.strimzi.io/"))
				.as("%s has a schema to be checked against", manifest)
				.isTrue();
		}
	}

	@TestFactory
	Stream<DynamicTest> strimziResourcesMatchStrimzisSchema() {
		return manifests.stream()
			.filter((manifest) -> manifest.apiVersion().startsWith("kafka.strimzi.io/"))
			.map((manifest) -> DynamicTest.dynamicTest(manifest.toString(), () -> {
				JsonNode crd = crds.get(manifest.kind());
				assertThat(crd).as("a CRD for " + manifest.kind()).isNotNull();
				String version = manifest.apiVersion().substring("kafka.strimzi.io/".length());
				JsonNode schema = null;
				for (JsonNode served : crd.path("spec").path("versions")) {
					if (served.path("name").asText().equals(version)) {
						schema = served.path("schema").path("openAPIV3Schema");
					}
				}
				assertThat(schema).as("%s serves %s", manifest.kind(), version).isNotNull();
				JsonNode strict = strict(schema.deepCopy());
				SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().build();
				JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
					.getSchema(strict, config);
				Set<ValidationMessage> errors = validator.validate(manifest.json());
				assertThat(errors).as("%s against Strimzi's %s schema", manifest, manifest.kind()).isEmpty();
			}));
	}

	/**
	 * The structural schema with unknown fields refused, as kubectl's strict field
	 * validation does: every object that lists its properties gets
	 * {@code additionalProperties: false}, unless it keeps unknown fields on purpose.
	 */
	private static JsonNode strict(JsonNode schema) {
		if (schema instanceof ObjectNode object) {
			if (object.has("properties") && !object.has("additionalProperties")
					&& !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
				object.put("additionalProperties", false);
			}
			object.fields().forEachRemaining((entry) -> strict(entry.getValue()));
		}
		else if (schema != null && schema.isArray()) {
			schema.forEach(KubernetesManifestsTests::strict);
		}
		return schema;
	}

	@TestFactory
	Stream<DynamicTest> kubernetesResourcesMatchTheKubernetesModel() {
		return manifests.stream()
			.filter((manifest) -> CORE_KINDS.containsKey(manifest.apiVersion() + "/" + manifest.kind()))
			.map((manifest) -> DynamicTest.dynamicTest(manifest.toString(), () -> {
				Object model = JSON.treeToValue(manifest.json(),
						CORE_KINDS.get(manifest.apiVersion() + "/" + manifest.kind()));
				List<String> unknown = new ArrayList<>();
				unknownFields(model, manifest.kind(), unknown, new IdentityHashMap<>());
				assertThat(unknown).as("fields the Kubernetes API does not have, in " + manifest).isEmpty();
			}));
	}

	/**
	 * fabric8 keeps what the API does not define in additionalProperties: there must be
	 * none.
	 */
	private static void unknownFields(Object value, String path, List<String> unknown, Map<Object, Boolean> seen)
			throws IllegalAccessException {
		if (value == null || seen.put(value, true) != null) {
			return;
		}
		if (value instanceof Collection<?> items) {
			int i = 0;
			for (Object item : items) {
				unknownFields(item, path + "[" + i++ + "]", unknown, seen);
			}
			return;
		}
		if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				unknownFields(entry.getValue(), path + "." + entry.getKey(), unknown, seen);
			}
			return;
		}
		if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
			return;
		}
		for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
			for (Field field : type.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers())) {
					continue;
				}
				field.setAccessible(true);
				Object child = field.get(value);
				if (field.getName().equals("additionalProperties")) {
					if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
						unknown.add(path + ": " + extra.keySet());
					}
				}
				else {
					unknownFields(child, path + "." + field.getName(), unknown, seen);
				}
			}
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyTopicTheServicesUseHasAKafkaTopicOfTheShapeTheyExpect() throws IOException {
		Map<String, Object> topics = section(yaml("platform/src/main/resources/pressline-defaults.yml"), "pressline",
				"topics");
		Map<String, Object> publish = section(yaml("publish-service/src/main/resources/application.yml"), "pressline",
				"publish");
		// versions: ingest-service's own, the version numbers.
		Set<String> compactedKeys = Set.of("latest", "status", "publish-state", "versions");
		Map<String, Boolean> expected = new LinkedHashMap<>();
		topics.forEach((key, value) -> {
			if (value instanceof String name && name.startsWith("articles.")) {
				expected.put(name, compactedKeys.contains(key));
			}
		});
		expected.put(topics.get("submitted") + ".dlq", false);
		expected.put(topics.get("enriched") + ".dlq", false);
		expected.put((String) section(publish, "webhooks").get("dead-letter-topic"), false);
		for (String sectionName : (List<String>) publish.get("sections")) {
			expected.put(publish.get("section-topic-prefix") + sectionName, false);
		}

		Map<String, JsonNode> kafkaTopics = new LinkedHashMap<>();
		for (Manifest manifest : of("KafkaTopic")) {
			String name = manifest.json().path("spec").path("topicName").asText(manifest.name());
			kafkaTopics.put(name, manifest.json().path("spec"));
		}
		assertThat(kafkaTopics.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());

		JsonNode config = only("ConfigMap", "pressline-kafka").path("data");
		long maxMessageBytes = Long.parseLong(topics.get("max-message-size").toString());
		JsonNode cluster = only("Kafka", "pressline").path("spec").path("kafka").path("config");
		for (Map.Entry<String, JsonNode> topic : kafkaTopics.entrySet()) {
			JsonNode spec = topic.getValue();
			assertThat(spec.path("partitions").asText()).as(topic.getKey())
				.isEqualTo(config.path("PRESSLINE_TOPICS_PARTITIONS").asText());
			assertThat(spec.path("replicas").asText()).as(topic.getKey())
				.isEqualTo(config.path("PRESSLINE_TOPICS_REPLICATION_FACTOR").asText());
			assertThat(spec.path("config").path("max.message.bytes").asLong()).as(topic.getKey())
				.isEqualTo(maxMessageBytes);
			assertThat(spec.path("config").path("min.insync.replicas").asInt()).as(topic.getKey())
				.isEqualTo(2)
				.isLessThan(spec.path("replicas").asInt());
			assertThat(spec.path("config").path("cleanup.policy").asText("delete")).as(topic.getKey())
				.isEqualTo(expected.get(topic.getKey()) ? "compact" : "delete");
			assertThat(only("KafkaTopic", topic.getKey()).path("metadata")
				.path("labels")
				.path("strimzi.io/cluster")
				.asText()).isEqualTo("pressline");
		}
		assertThat(cluster.path("replica.fetch.max.bytes").asLong()).isGreaterThanOrEqualTo(maxMessageBytes);
	}

	@Test
	void theClusterKeepsThreeCopiesAndWritesWithTwo() {
		JsonNode config = only("Kafka", "pressline").path("spec").path("kafka").path("config");
		assertThat(config.path("default.replication.factor").asInt()).isEqualTo(3);
		assertThat(config.path("min.insync.replicas").asInt()).isEqualTo(2);
		assertThat(config.path("offsets.topic.replication.factor").asInt()).isEqualTo(3);
		assertThat(config.path("transaction.state.log.replication.factor").asInt()).isEqualTo(3);
		assertThat(config.path("transaction.state.log.min.isr").asInt()).isEqualTo(2);
		assertThat(config.path("auto.create.topics.enable").asBoolean(true)).isFalse();
		int brokers = 0;
		for (Manifest pool : of("KafkaNodePool")) {
			assertThat(pool.json().path("metadata").path("labels").path("strimzi.io/cluster").asText())
				.isEqualTo("pressline");
			if (pool.json().path("spec").path("roles").toString().contains("broker")) {
				brokers += pool.json().path("spec").path("replicas").asInt();
			}
		}
		assertThat(brokers).isGreaterThanOrEqualTo(3);
	}

	/** What each service's bindings read and write must be allowed to its KafkaUser. */
	@Test
	@SuppressWarnings("unchecked")
	void eachServicesKafkaUserAllowsWhatItsBindingsDo() throws IOException {
		Map<String, Object> topics = section(yaml("platform/src/main/resources/pressline-defaults.yml"), "pressline",
				"topics");
		for (String service : SERVICES) {
			Map<String, Object> application = yaml(service + "/src/main/resources/application.yml");
			Map<String, Object> stream = section(application, "spring", "cloud", "stream");
			Map<String, Object> bindings = new LinkedHashMap<>(
					section(yaml("platform/src/main/resources/pressline-defaults.yml"), "spring", "cloud", "stream",
							"bindings"));
			bindings.putAll(section(stream, "bindings"));
			JsonNode user = only("KafkaUser", service).path("spec").path("authorization").path("acls");
			Map<String, Object> kafkaBindings = (Map<String, Object>) ((Map<String, Object>) stream
				.getOrDefault("kafka", Map.of())).getOrDefault("bindings", Map.of());
			for (Map.Entry<String, Object> binding : bindings.entrySet()) {
				Map<String, Object> settings = (Map<String, Object>) binding.getValue();
				boolean input = binding.getKey().matches(".*-in-\\d+");
				for (String destination : resolve((String) settings.get("destination"), topics).split(",")) {
					String what = service + " " + binding.getKey() + " " + destination;
					assertThat(allows(user, "topic", destination, input ? "Read" : "Write")).as(what).isTrue();
					if (input) {
						String group = (String) settings.get("group");
						assertThat(group == null ? allows(user, "group", "anonymous.0f7c", "Read")
								: allows(user, "group", group, "Read"))
							.as(what + " group " + group)
							.isTrue();
					}
				}
				Map<String, Object> consumer = (Map<String, Object>) ((Map<String, Object>) kafkaBindings
					.getOrDefault(binding.getKey(), Map.of())).getOrDefault("consumer", Map.of());
				if (Boolean.TRUE.equals(consumer.get("enable-dlq"))) {
					String deadLetters = resolve((String) consumer.get("dlq-name"), topics);
					assertThat(allows(user, "topic", deadLetters, "Write")).as(service + " " + deadLetters).isTrue();
				}
			}
			// Every service checks its topics at start and reads the dead letters for
			// operators.
			for (Object name : topics.values()) {
				if (name instanceof String topic && topic.startsWith("articles.")) {
					assertThat(allows(user, "topic", topic, "Describe")).as(service + " " + topic).isTrue();
					assertThat(allows(user, "topic", topic, "DescribeConfigs")).as(service + " " + topic).isTrue();
				}
			}
			assertThat(allows(user, "cluster", "kafka-cluster", "Describe")).as(service).isTrue();
			// Nobody makes or changes topics but the topic operator.
			for (JsonNode acl : user) {
				assertThat(acl.path("operations").toString()).as(service + " " + acl)
					.doesNotContain("Create", "Delete", "Alter\"", "AlterConfigs", "All");
			}
		}
		JsonNode publish = only("KafkaUser", "publish-service").path("spec").path("authorization").path("acls");
		Map<String, Object> settings = section(yaml("publish-service/src/main/resources/application.yml"), "pressline",
				"publish");
		assertThat(allows(publish, "topic", settings.get("section-topic-prefix") + "local", "Write")).isTrue();
		assertThat(allows(publish, "topic", (String) section(settings, "webhooks").get("dead-letter-topic"), "Write"))
			.isTrue();
	}

	/**
	 * Exactly once: the instance id is the pod's name, and its transactional ids are
	 * allowed.
	 */
	@Test
	void transactionalStagesAreStatefulSetsWhosePodsNameTheirTransactions() {
		for (String service : List.of("enrich-service", "publish-service")) {
			StatefulSet statefulSet = model(only("StatefulSet", service), StatefulSet.class);
			EnvVar instance = env(container(statefulSet.getSpec().getTemplate()), "PRESSLINE_INSTANCE_ID");
			assertThat(instance.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
			// Pods are <name>-0, <name>-1, ...; their transactional ids <pod>-tx-<n>.
			JsonNode acls = only("KafkaUser", service).path("spec").path("authorization").path("acls");
			assertThat(allows(acls, "transactionalId", service + "-0-tx-0", "Write")).as(service).isTrue();
			assertThat(allows(acls, "transactionalId", service + "-1-tx-3", "Describe")).as(service).isTrue();
			Service governing = model(only("Service", statefulSet.getSpec().getServiceName()), Service.class);
			assertThat(governing.getSpec().getClusterIP()).isEqualTo("None");
		}
		Deployment ingest = model(only("Deployment", "ingest-service"), Deployment.class);
		assertThat(env(container(ingest.getSpec().getTemplate()), "PRESSLINE_INSTANCE_ID").getValueFrom()
			.getFieldRef()
			.getFieldPath()).isEqualTo("metadata.name");
	}

	@Test
	@SuppressWarnings("unchecked")
	void workloadsServeTheirPortProbeTheActuatorGroupsAndKeepTheirHeapUnderTheLimit() throws IOException {
		JsonNode listener = null;
		for (JsonNode candidate : only("Kafka", "pressline").path("spec").path("kafka").path("listeners")) {
			if (candidate.path("port").asInt() == 9093) {
				listener = candidate;
			}
		}
		assertThat(listener).as("a listener on 9093").isNotNull();
		assertThat(listener.path("tls").asBoolean()).isTrue();
		assertThat(listener.path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
		JsonNode kafka = only("ConfigMap", "pressline-kafka").path("data");
		assertThat(kafka.path("SPRING_KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo("pressline-kafka-bootstrap:9093");
		assertThat(kafka.path("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM").asText()).isEqualTo("SCRAM-SHA-512");

		for (String service : SERVICES) {
			Object port = section(yaml(service + "/src/main/resources/application.yml"), "server").get("port");
			Manifest workload = manifests.stream()
				.filter((manifest) -> manifest.name().equals(service)
						&& (manifest.kind().equals("Deployment") || manifest.kind().equals("StatefulSet")))
				.findFirst()
				.orElseThrow();
			PodTemplateSpec template = workload.kind().equals("Deployment")
					? model(workload.json(), Deployment.class).getSpec().getTemplate()
					: model(workload.json(), StatefulSet.class).getSpec().getTemplate();
			Container container = container(template);
			assertThat(container.getPorts().get(0).getContainerPort()).as(service).isEqualTo(port);
			assertThat(env(container, "SERVER_PORT").getValue()).isEqualTo(port.toString());
			assertProbe(container.getReadinessProbe(), "/actuator/health/readiness", service);
			assertProbe(container.getLivenessProbe(), "/actuator/health/liveness", service);
			assertThat(env(container, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG").getValueFrom()
				.getSecretKeyRef()
				.getName()).as("the Secret of %s's KafkaUser", service).isEqualTo(service);
			assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();

			Map<String, Quantity> limits = container.getResources().getLimits();
			long limit = Quantity.getAmountInBytes(limits.get("memory")).longValue();
			assertThat(container.getResources().getRequests().get("memory")).isEqualTo(limits.get("memory"));
			Matcher heap = Pattern.compile("-Xmx(\\d+)([mg])").matcher(env(container, "JAVA_TOOL_OPTIONS").getValue());
			assertThat(heap.find()).isTrue();
			long heapBytes = Long.parseLong(heap.group(1)) << (heap.group(2).equals("g") ? 30 : 20);
			// The JVM's own memory (metaspace, threads, code, buffers) comes on top of
			// the heap.
			assertThat(limit).as(service + ": room beside the heap").isGreaterThanOrEqualTo(heapBytes + (256L << 20));

			Map<String, String> labels = template.getMetadata().getLabels();
			PodDisruptionBudget budget = model(only("PodDisruptionBudget", service), PodDisruptionBudget.class);
			assertThat(labels).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
			Service reachable = model(only("Service", service), Service.class);
			assertThat(labels).containsAllEntriesOf(reachable.getSpec().getSelector());
			assertThat(reachable.getSpec().getPorts().get(0).getPort()).isEqualTo(port);
		}
		// The desk's preview reaches enrich-service through its Service.
		Deployment ingest = model(only("Deployment", "ingest-service"), Deployment.class);
		assertThat(env(container(ingest.getSpec().getTemplate()), "PRESSLINE_INGEST_DESK_ENRICH_URL").getValue())
			.isEqualTo("http://enrich-service:"
					+ section(yaml("enrich-service/src/main/resources/application.yml"), "server").get("port"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void theIngressOpensOnlyTheDeskAndThePublicPathsOfPublishService() throws IOException {
		Ingress ingress = model(only("Ingress", "pressline"), Ingress.class);
		List<String> publicPaths = (List<String>) section(yaml("publish-service/src/main/resources/application.yml"),
				"pressline", "security")
			.get("public-paths");
		Set<String> published = new LinkedHashSet<>();
		Set<String> backends = new LinkedHashSet<>();
		ingress.getSpec().getRules().forEach((rule) -> rule.getHttp().getPaths().forEach((path) -> {
			backends.add(path.getBackend().getService().getName());
			if (path.getBackend().getService().getName().equals("publish-service")) {
				published.add(path.getPath());
			}
		}));
		assertThat(backends).containsExactlyInAnyOrder("ingest-service", "publish-service");
		assertThat(published)
			.containsExactlyInAnyOrderElementsOf(publicPaths.stream().map((path) -> path.replace("/**", "")).toList());
	}

	private static void assertProbe(Probe probe, String path, String service) {
		assertThat(probe).as(service + " " + path).isNotNull();
		assertThat(probe.getHttpGet().getPath()).as(service).isEqualTo(path);
		assertThat(probe.getHttpGet().getPort().getStrVal()).as(service).isEqualTo("http");
	}

	/**
	 * Whether an ACL of the list allows the operation on the resource (literal or
	 * prefix).
	 */
	private static boolean allows(JsonNode acls, String type, String name, String operation) {
		for (JsonNode acl : acls) {
			JsonNode resource = acl.path("resource");
			if (!resource.path("type").asText().equals(type)) {
				continue;
			}
			boolean matches = type.equals("cluster") || (resource.path("patternType").asText("literal").equals("prefix")
					? name.startsWith(resource.path("name").asText()) : name.equals(resource.path("name").asText()));
			if (matches) {
				for (JsonNode allowed : acl.path("operations")) {
					if (allowed.asText().equals(operation) || allowed.asText().equals("All")) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private static String resolve(String value, Map<String, Object> topics) {
		Matcher placeholder = Pattern.compile("\\$\\{pressline\\.topics\\.([a-z-]+)}").matcher(value);
		StringBuilder resolved = new StringBuilder();
		while (placeholder.find()) {
			Object topic = topics.get(placeholder.group(1));
			assertThat(topic).as(placeholder.group()).isNotNull();
			placeholder.appendReplacement(resolved, Matcher.quoteReplacement(topic.toString()));
		}
		placeholder.appendTail(resolved);
		return resolved.toString();
	}

	private static Container container(PodTemplateSpec template) {
		assertThat(template.getSpec().getContainers()).hasSize(1);
		return template.getSpec().getContainers().get(0);
	}

	private static EnvVar env(Container container, String name) {
		return container.getEnv()
			.stream()
			.filter((variable) -> variable.getName().equals(name))
			.findFirst()
			.orElseGet(() -> fail(container.getName() + " has no " + name));
	}

	private static <T> T model(JsonNode manifest, Class<T> type) {
		return JSON.convertValue(manifest, type);
	}

	private static List<Manifest> of(String kind) {
		return manifests.stream().filter((manifest) -> manifest.kind().equals(kind)).toList();
	}

	private static JsonNode only(String kind, String name) {
		List<Manifest> found = of(kind).stream().filter((manifest) -> manifest.name().equals(name)).toList();
		assertThat(found).as("the %s %s", kind, name).hasSize(1);
		return found.get(0).json();
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

	private record Manifest(String file, JsonNode json) {

		String kind() {
			return this.json.path("kind").asText();
		}

		String apiVersion() {
			return this.json.path("apiVersion").asText();
		}

		String name() {
			return this.json.path("metadata").path("name").asText();
		}

		@Override
		public String toString() {
			return this.file + ": " + kind() + " " + name();
		}

	}

}
