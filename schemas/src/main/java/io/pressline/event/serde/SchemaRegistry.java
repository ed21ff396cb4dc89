package io.pressline.event.serde;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;

/**
 * A client of the Confluent Schema Registry REST API, the part a serde needs: register a
 * subject's schema and set its compatibility rule, and find a schema by its id. Any
 * registry that speaks the API answers it (Confluent's, Apicurio's under
 * {@code /apis/ccompat/v7}, Karapace). Ids never change their schema, so every answer is
 * kept for the life of the JVM; one client per registry URL is shared by every serde in
 * it ({@link #at(URI)}).
 * <p>
 * Pressline's own client rather than a registry vendor's serde: those bring an HTTP stack
 * of their own (Vert.x, Netty, an SDK generator's runtime: 32 MB for Apicurio's) into
 * this jar, which every downstream consumer links; this one needs the JDK's HTTP client
 * and the Jackson that Avro already depends on.
 */
public final class SchemaRegistry {

	/**
	 * The rule set on every subject Pressline registers: a new schema must read what
	 * every earlier version wrote and be readable by each of them, as the schema
	 * compatibility tests check against every released version.
	 */
	public static final String COMPATIBILITY = "FULL_TRANSITIVE";

	private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Map<URI, SchemaRegistry> SHARED = new ConcurrentHashMap<>();

	private static final ObjectMapper JSON = new ObjectMapper();

	private final URI url;

	private final HttpClient http;

	private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();

	private final Map<String, Integer> registered = new ConcurrentHashMap<>();

	private final Set<String> ruled = ConcurrentHashMap.newKeySet();

	private SchemaRegistry(URI url) {
		String text = url.toString();
		this.url = URI.create(text.endsWith("/") ? text : text + "/");
		this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
	}

	/**
	 * The client of the registry at a URL, such as
	 * {@code http://localhost:8085/apis/ccompat/v7}.
	 */
	public static SchemaRegistry at(URI url) {
		if (url.getScheme() == null || !url.getScheme().startsWith("http")) {
			throw new IllegalArgumentException("The schema registry URL must be http or https, not '" + url + "'");
		}
		return SHARED.computeIfAbsent(url, SchemaRegistry::new);
	}

	/** Where the registry is. */
	public URI url() {
		return this.url;
	}

	/** The subject of a topic's values, as Confluent's and Apicurio's serdes name it. */
	public static String valueSubject(String topic) {
		return topic + "-value";
	}

	/**
	 * Registers a schema under a subject, once the subject has the compatibility rule
	 * {@value #COMPATIBILITY} (the rule first, so the registration is checked against
	 * it), and returns its id. A schema already registered there keeps its id.
	 * @throws SerializationException when the registry refuses it (for example, because
	 * it is incompatible with a version registered before) or cannot be reached
	 */
	public int register(String subject, Schema schema) {
		String key = subject + '\n' + schema;
		Integer id = this.registered.get(key);
		if (id != null) {
			return id;
		}
		if (!this.ruled.contains(subject)) {
			send("PUT", "config/" + path(subject), Map.of("compatibility", COMPATIBILITY),
					"set the compatibility rule of subject " + subject);
			this.ruled.add(subject);
		}
		JsonNode answer = send("POST", "subjects/" + path(subject) + "/versions",
				Map.of("schemaType", "AVRO", "schema", schema.toString()),
				"register " + schema.getFullName() + " under subject " + subject);
		if (!answer.path("id").canConvertToInt()) {
			throw new SerializationException("The schema registry at " + this.url + " registered "
					+ schema.getFullName() + " under subject " + subject + " without giving its id: " + answer);
		}
		id = answer.get("id").asInt();
		this.registered.put(key, id);
		this.schemas.putIfAbsent(id, schema);
		return id;
	}

	/**
	 * The schema with an id.
	 * @throws SerializationException when the registry does not know it or cannot be
	 * reached
	 */
	public Schema schema(int id) {
		Schema schema = this.schemas.get(id);
		if (schema != null) {
			return schema;
		}
		JsonNode answer = send("GET", "schemas/ids/" + id, null, "read the schema with id " + id);
		String type = answer.path("schemaType").asText("AVRO");
		if (!"AVRO".equals(type) || !answer.path("schema").isTextual()) {
			throw new SerializationException(
					"The schema with id " + id + " in the registry at " + this.url + " is not an Avro schema: " + type);
		}
		schema = new Schema.Parser().parse(answer.get("schema").asText());
		Schema known = this.schemas.putIfAbsent(id, schema);
		return (known != null) ? known : schema;
	}

	/** The compatibility rule of a subject, as the registry has it. */
	public String compatibility(String subject) {
		JsonNode answer = send("GET", "config/" + path(subject), null, "read the rule of subject " + subject);
		return answer.path("compatibilityLevel").asText(answer.path("compatibility").asText(null));
	}

	private JsonNode send(String method, String path, Map<String, String> body, String what) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.url.resolve(path))
			.timeout(TIMEOUT)
			.header("Accept", CONTENT_TYPE + ", application/json");
		try {
			request.method(method,
					(body != null)
							? HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)
							: HttpRequest.BodyPublishers.noBody());
			if (body != null) {
				request.header("Content-Type", CONTENT_TYPE);
			}
			HttpResponse<String> response = this.http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			JsonNode answer = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
			if (response.statusCode() / 100 != 2) {
				throw new SerializationException(String.format("The schema registry at %s did not %s: %d %s", this.url,
						what, response.statusCode(), answer.path("message").asText(response.body())));
			}
			return answer;
		}
		catch (IOException ex) {
			throw new SerializationException(
					"Cannot reach the schema registry at " + this.url + " to " + what + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SerializationException(
					"Interrupted while asking the schema registry at " + this.url + " to " + what, ex);
		}
	}

	private static String path(String subject) {
		return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
