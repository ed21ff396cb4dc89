package io.pressline.testing;

import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * API keys for tests: an editor's and an operator's. Every service started in a test JVM
 * accepts them (this module is a test dependency only, so no running service ever does),
 * and tests send them as a real client would. A test that sets its own keys wins.
 */
public final class TestApiKeys implements EnvironmentPostProcessor {

	/**
	 * Has the EDITOR role. Base64 like a generated key, with the characters a cookie must
	 * carry encoded.
	 */
	public static final String EDITOR = "test+editor/key=5f1c0b7e2a9d4c36";

	/** Has the ADMIN role. */
	public static final String ADMIN = "test-admin-key-8e3a6d2f9b1c4a70";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> keys = new LinkedHashMap<>();
		keys.put("pressline.security.api-keys[0].name", "test-editor");
		keys.put("pressline.security.api-keys[0].key", EDITOR);
		keys.put("pressline.security.api-keys[0].roles", "EDITOR");
		keys.put("pressline.security.api-keys[1].name", "test-operator");
		keys.put("pressline.security.api-keys[1].key", ADMIN);
		keys.put("pressline.security.api-keys[1].roles", "ADMIN");
		environment.getPropertySources().addLast(new MapPropertySource("pressline-test-api-keys", keys));
	}

	/** A request builder carrying the editor's key. */
	public static HttpRequest.Builder asEditor(HttpRequest.Builder request) {
		return request.header("Authorization", "Bearer " + EDITOR);
	}

	/** A request builder carrying the operator's key. */
	public static HttpRequest.Builder asOperator(HttpRequest.Builder request) {
		return request.header("Authorization", "Bearer " + ADMIN);
	}

}
