package io.pressline.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.pressline.kafka.local.LocalKafka;
import io.pressline.testing.TestApiKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The probes an orchestrator acts on. This test has a broker of its own, because it stops
 * it: readiness must follow the broker (and the binder), liveness must not, or a broker
 * outage would have every service restarted.
 */
class HealthProbeTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void readinessFollowsTheBrokerAndLivenessDoesNot() throws Exception {
		LocalKafka kafka = LocalKafka.builder().start();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(IngestApplication.class).run(
				"--server.port=0", "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
				"--pressline.health.broker-timeout=2s", "--spring.cloud.stream.kafka.binder.health-timeout=2")) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();

			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				HttpResponse<String> ready = get(port, "/actuator/health/readiness");
				assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
				JsonNode components = this.json.readTree(ready.body()).get("components");
				assertThat(components.get("kafka").get("status").asString()).isEqualTo("UP");
				assertThat(components.get("kafka").get("details").get("brokers").asInt()).isEqualTo(1);
				assertThat(components.get("binders").get("status").asString()).isEqualTo("UP");
			});

			kafka.close();

			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				HttpResponse<String> ready = get(port, "/actuator/health/readiness");
				assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
				assertThat(this.json.readTree(ready.body()).get("components").get("kafka").get("status").asString())
					.isEqualTo("DOWN");
			});
			HttpResponse<String> live = get(port, "/actuator/health/liveness");
			assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
			assertThat(this.json.readTree(live.body()).get("status").asString()).isEqualTo("UP");
		}
		finally {
			kafka.close();
		}
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return this.http
			.send(TestApiKeys.asOperator(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)))
				.timeout(Duration.ofSeconds(20))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
