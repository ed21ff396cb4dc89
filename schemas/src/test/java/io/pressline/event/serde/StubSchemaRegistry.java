package io.pressline.event.serde;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small stand-in, on a loopback port, for the three calls of the Confluent REST API
 * that Pressline's serde makes: {@code PUT config/{subject}}, {@code POST
 * subjects/{subject}/versions} and {@code GET schemas/ids/{id}}. Each registered schema's
 * id is its place in {@link #schemas()}, from 1. Shared by the serde's tests and those of
 * the services' writers (as the schemas module's test jar).
 */
public final class StubSchemaRegistry implements AutoCloseable {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Pattern CONFIG = Pattern.compile("config/(.+)");

	private static final Pattern VERSIONS = Pattern.compile("subjects/(.+)/versions");

	private static final Pattern IDS = Pattern.compile("schemas/ids/([0-9]+)");

	private final HttpServer server;

	private final List<String> calls = new CopyOnWriteArrayList<>();

	private final List<String> schemas = new CopyOnWriteArrayList<>();

	private final Map<String, String> rules = new ConcurrentHashMap<>();

	private volatile String refused;

	private StubSchemaRegistry(HttpServer server) {
		this.server = server;
	}

	/** Starts a registry of its own on a free loopback port. */
	public static StubSchemaRegistry start() {
		try {
			StubSchemaRegistry registry = new StubSchemaRegistry(
					HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
			registry.server.createContext("/ccompat/", registry::answer);
			registry.server.start();
			return registry;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The registry's base URL, as {@code pressline.serde.registry-url} takes it. */
	public String url() {
		return "http://localhost:" + this.server.getAddress().getPort() + "/ccompat/";
	}

	/** Every call so far, as {@code METHOD path} under the base URL, in order. */
	public List<String> calls() {
		return this.calls;
	}

	/** The schemas registered, in the order of their ids. */
	public List<String> schemas() {
		return this.schemas;
	}

	/** The compatibility rule set on each subject. */
	public Map<String, String> rules() {
		return this.rules;
	}

	/** Whether a schema was registered under the subject. */
	public boolean registeredUnder(String subject) {
		return this.calls.contains("POST subjects/" + subject + "/versions");
	}

	/** From now on, a schema registered under this subject is refused as incompatible. */
	public void refuse(String subject) {
		this.refused = subject;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void answer(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath().substring("/ccompat/".length());
		this.calls.add(exchange.getRequestMethod() + " " + path);
		byte[] body = exchange.getRequestBody().readAllBytes();
		Matcher config = CONFIG.matcher(path);
		Matcher versions = VERSIONS.matcher(path);
		Matcher ids = IDS.matcher(path);
		if (config.matches() && exchange.getRequestMethod().equals("PUT")) {
			this.rules.put(config.group(1), JSON.readTree(body).get("compatibility").asText());
			reply(exchange, 200, Map.of("compatibility", this.rules.get(config.group(1))));
		}
		else if (versions.matches() && exchange.getRequestMethod().equals("POST")) {
			if (versions.group(1).equals(this.refused)) {
				reply(exchange, 409, Map.of("error_code", 409, "message", "Incompatible artifact"));
				return;
			}
			String schema = JSON.readTree(body).get("schema").asText();
			if (!this.schemas.contains(schema)) {
				this.schemas.add(schema);
			}
			reply(exchange, 200, Map.of("id", this.schemas.indexOf(schema) + 1));
		}
		else if (ids.matches() && Integer.parseInt(ids.group(1)) <= this.schemas.size()) {
			reply(exchange, 200, Map.of("schema", this.schemas.get(Integer.parseInt(ids.group(1)) - 1)));
		}
		else {
			reply(exchange, 404, Map.of("error_code", 40403, "message", "Schema not found"));
		}
	}

	private static void reply(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
		byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

}
