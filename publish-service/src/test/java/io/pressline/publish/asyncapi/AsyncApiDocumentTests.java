package io.pressline.publish.asyncapi;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

import io.pressline.event.serde.EventSchemas;
import io.pressline.platform.PipelineTopics;
import io.pressline.platform.cloudevents.CloudEventHeaders;
import io.pressline.platform.cloudevents.CloudEventSettings;
import io.pressline.publish.PublishProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document, made from the configuration files as the services read them,
 * names every topic and every binding of every service, and the copy in
 * {@code docs/asyncapi.json} (which CI validates with the AsyncAPI parser) is the one the
 * configuration makes. After a change of topics, bindings or schemas, write the copy anew
 * with {@code -Dpressline.asyncapi.write=true}.
 */
class AsyncApiDocumentTests {

	private static final Path ROOT = Path.of("..");

	private static final Path COPY = ROOT.resolve("docs/asyncapi.json");

	private static final String DEFAULTS = "platform/src/main/resources/pressline-defaults.yml";

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theCopyInDocsIsTheDocumentTheConfigurationMakes() throws IOException {
		String made = document("publish-service").toJson();
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/asyncapi.json"), made);
		if (Boolean.getBoolean("pressline.asyncapi.write")) {
			Files.writeString(COPY, made);
		}
		assertThat(COPY).as("docs/asyncapi.json is stale: run this test with -Dpressline.asyncapi.write=true")
			.hasContent(made);
	}

	@Test
	void everyTopicTheServicesConfigureIsAChannelAndNothingElseIs() throws IOException {
		Binder publish = binder("publish-service");
		PipelineTopics topics = publish.bind("pressline.topics", PipelineTopics.class).get();
		PublishProperties settings = publish.bind("pressline.publish", PublishProperties.class).get();
		Set<String> expected = new LinkedHashSet<>(List.of(topics.submitted(), topics.enriched(), topics.published(),
				topics.latest(), topics.status(), topics.publishState(), topics.releases(), topics.versions(),
				settings.webhooks().deadLetterTopic()));
		topics.all().forEach((spec) -> expected.add(spec.name()));
		settings.sections().forEach((section) -> expected.add(settings.sectionTopic(section)));
		for (String service : List.of("ingest-service", "enrich-service", "publish-service")) {
			Binder binder = binder(service);
			bindings(binder).forEach((name, binding) -> expected.addAll(destinations(binding)));
			bindings(binder).keySet().forEach((name) -> deadLetterTopic(binder, name).ifPresent(expected::add));
		}

		JsonNode document = this.json.readTree(document("publish-service").toJson());
		List<String> addresses = new ArrayList<>();
		document.path("channels").forEach((channel) -> addresses.add(channel.path("address").asString()));
		assertThat(addresses).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);

		// Compaction as the topics are created.
		for (PipelineTopics.TopicSpec spec : topics.all()) {
			assertThat(
					channel(document, spec.name()).at("/bindings/kafka/topicConfiguration/cleanup.policy/0").asString())
				.as(spec.name())
				.isEqualTo(spec.compacted() ? "compact" : "delete");
		}
		assertThat(channel(document, topics.versions()).at("/bindings/kafka/topicConfiguration/cleanup.policy/0")
			.asString()).isEqualTo("compact");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ingest-service", "enrich-service", "publish-service" })
	void everyBindingOfAServiceIsAnOperationOnItsTopicsWithItsGroup(String service) throws IOException {
		Binder binder = binder(service);
		JsonNode document = this.json.readTree(document("publish-service").toJson());
		Map<String, BindingProperties> bindings = bindings(binder);
		assertThat(bindings).isNotEmpty();
		bindings.forEach((name, binding) -> {
			String action = name.matches(".*-in-\\d+") ? "receive" : "send";
			for (String destination : destinations(binding)) {
				JsonNode operation = operation(document, service, name, destination);
				assertThat((Object) operation).as("%s %s of %s", service, name, destination).isNotNull();
				assertThat(operation.path("action").asString()).isEqualTo(action);
				String group = operation.at("/bindings/kafka/groupId/enum/0").asString(null);
				assertThat(group).as("group of %s %s", service, name).isEqualTo(binding.getGroup());
			}
			deadLetterTopic(binder, name).ifPresent((topic) -> {
				JsonNode operation = operation(document, service, name, topic);
				assertThat((Object) operation).as("%s %s dead letters on %s", service, name, topic).isNotNull();
				assertThat(operation.path("action").asString()).isEqualTo("send");
			});
		});
	}

	@Test
	void theMessagesCarryTheAvroSchemaOfTheirTopicAndTheCloudEventsHeaders() throws IOException {
		JsonNode document = this.json.readTree(document("publish-service").toJson());
		JsonNode schema = document.at("/components/schemas/ArticlePublished");
		assertThat(schema.path("schemaFormat").asString()).startsWith("application/vnd.apache.avro+json");
		assertThat(schema.path("schema"))
			.isEqualTo(this.json.readTree(EventSchemas.current(io.pressline.event.ArticlePublished.class).toString()));

		JsonNode event = document.at("/components/messages/ArticlePublishedEvent");
		assertThat(event.at("/payload/$ref").asString()).isEqualTo("#/components/schemas/ArticlePublished");
		assertThat(event.path("contentType").asString()).isEqualTo("application/avro");
		List<String> headers = new ArrayList<>();
		event.at("/headers/properties").propertyNames().forEach(headers::add);
		assertThat(headers).contains("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "ce_subject",
				"ce_dataschema", "content-type", "traceparent");
		assertThat(event.at("/headers/properties/ce_source/const").asString()).isEqualTo("/pressline/publish-service");
		for (String topic : List.of("articles.published", "articles.published.local", "articles.latest")) {
			assertThat(channel(document, topic).path("messages").toString()).as(topic).contains("ArticlePublished");
		}
		assertThat(channel(document, "articles.latest").path("messages").toString())
			.contains("#/components/messages/ArticlePublishedLatest");
	}

	private static JsonNode channel(JsonNode document, String address) {
		for (JsonNode channel : document.path("channels")) {
			if (channel.path("address").asString().equals(address)) {
				return channel;
			}
		}
		throw new AssertionError("No channel for " + address);
	}

	/** The operation of one service's binding on a topic, or null. */
	private static JsonNode operation(JsonNode document, String service, String binding, String address) {
		String channelRef = "#/channels/" + AsyncApiDocument.id(address);
		for (JsonNode operation : document.path("operations")) {
			if (operation.path(AsyncApiDocument.SERVICE).asString().equals(service)
					&& operation.path(AsyncApiDocument.BINDING).asString().equals(binding)
					&& operation.at("/channel/$ref").asString().equals(channelRef)) {
				return operation;
			}
		}
		return null;
	}

	/** The document as publish-service makes it from these files. */
	private static AsyncApiDocument document(String service) throws IOException {
		Binder binder = binder(service);
		PipelineTopics topics = binder.bind("pressline.topics", PipelineTopics.class).get();
		PublishProperties publish = binder.bind("pressline.publish", PublishProperties.class).get();
		KafkaProperties kafka = binder.bind("spring.kafka", KafkaProperties.class).get();
		URI source = binder.bind("pressline.cloudevents", CloudEventSettings.class).get().source();
		return new AsyncApiDocument(topics, TopicCatalogue.of(topics, publish),
				CloudEventHeaders.forProducer(source, kafka.buildProducerProperties()),
				String.join(",", kafka.getBootstrapServers()), "development");
	}

	private static Map<String, BindingProperties> bindings(Binder binder) {
		Map<String, BindingProperties> bindings = new LinkedHashMap<>(
				binder.bind("spring.cloud.stream.bindings", Bindable.mapOf(String.class, BindingProperties.class))
					.orElse(Map.of()));
		// The defaults name the status binding for everyone; a service uses it if it says
		// so.
		List<String> outputs = List
			.of(binder.bind("spring.cloud.stream.output-bindings", String.class).orElse("").split(";"));
		bindings.keySet().removeIf((name) -> !name.matches(".*-(in|out)-\\d+") && !outputs.contains(name));
		return bindings;
	}

	private static List<String> destinations(BindingProperties binding) {
		return List.of(binding.getDestination().split(","));
	}

	private static java.util.Optional<String> deadLetterTopic(Binder binder, String binding) {
		return binder.bind("spring.cloud.stream.kafka.bindings[" + binding + "].consumer.dlq-name", String.class)
			.map(java.util.Optional::of)
			.orElse(java.util.Optional.empty());
	}

	/** A service's settings as it reads them: its application.yml over the defaults. */
	private static Binder binder(String service) throws IOException {
		MutablePropertySources sources = new MutablePropertySources();
		YamlPropertySourceLoader loader = new YamlPropertySourceLoader();
		for (PropertySource<?> source : loader.load(service,
				new FileSystemResource(ROOT.resolve(service + "/src/main/resources/application.yml")))) {
			sources.addLast(source);
		}
		for (PropertySource<?> source : loader.load("defaults", new FileSystemResource(ROOT.resolve(DEFAULTS)))) {
			sources.addLast(source);
		}
		return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));
	}

}
