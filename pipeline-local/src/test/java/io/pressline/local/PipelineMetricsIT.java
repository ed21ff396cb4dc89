package io.pressline.local;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.pressline.testing.KafkaTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator's Prometheus scrapes from the running services: articles counted per
 * stage, the latency from submission to publication as a histogram with percentiles,
 * consumer lag per group and partition, dead letters per topic, and the listeners'
 * successes and failures.
 */
@KafkaTest
class PipelineMetricsIT {

	private PipelineClient client;

	@BeforeEach
	void pipeline() {
		this.client = new PipelineClient(RunningPipeline.get());
	}

	@Test
	void everyStageCountsItsArticlesAndPublishMeasuresTheirLatency() throws Exception {
		double receivedBefore = value(scrape("ingest-service"),
				"pressline_stage_reported_total{service=\"ingest\",stage=\"RECEIVED\"}")
			.orElse(0.0);
		double publishedBefore = value(scrape("publish-service"),
				"pressline_publication_latency_seconds_count{type=\"PUBLISHED\"}")
			.orElse(0.0);

		String id = this.client.submit("""
				{"headline": "Night buses return", "body": "Night buses run again from Friday on four routes.",
				 "section": "local"}
				""");
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.client.stage(id)).isEqualTo("PUBLISHED"));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			String ingest = scrape("ingest-service");
			String enrich = scrape("enrich-service");
			String publish = scrape("publish-service");
			assertThat(value(ingest, "pressline_stage_reported_total{service=\"ingest\",stage=\"RECEIVED\"}"))
				.hasValueSatisfying((v) -> assertThat(v).isGreaterThanOrEqualTo(receivedBefore + 1));
			assertThat(value(enrich, "pressline_stage_reported_total{service=\"enrich\",stage=\"ENRICHED\"}"))
				.hasValueSatisfying((v) -> assertThat(v).isGreaterThanOrEqualTo(1));
			assertThat(value(publish, "pressline_stage_reported_total{service=\"publish\",stage=\"PUBLISHED\"}"))
				.hasValueSatisfying((v) -> assertThat(v).isGreaterThanOrEqualTo(1));
			// The latency: a histogram whose buckets hold every publication, from which
			// Prometheus works out p50, p95 and p99 (histogram_quantile).
			Optional<Double> count = value(publish, "pressline_publication_latency_seconds_count{type=\"PUBLISHED\"}");
			assertThat(count).hasValueSatisfying((v) -> assertThat(v).isGreaterThanOrEqualTo(publishedBefore + 1));
			assertThat(value(publish, "pressline_publication_latency_seconds_bucket{type=\"PUBLISHED\",le=\"+Inf\"}"))
				.isEqualTo(count);
			assertThat(Pattern.compile("pressline_publication_latency_seconds_bucket\\{type=\"PUBLISHED\",le=")
				.matcher(publish)
				.results()
				.count()).as("histogram buckets").isGreaterThan(20);
			// Lag per group and partition, read from the broker.
			assertThat(value(enrich,
					"pressline_consumer_lag_records{group=\"enrich-service\",partition=\"0\",topic=\"articles.submitted\"}"))
				.isPresent();
			assertThat(value(publish,
					"pressline_consumer_lag_records{group=\"publish-service\",partition=\"0\",topic=\"articles.enriched\"}"))
				.isPresent();
			// Each listener's records and errors: the batch listeners' records from
			// Pressline's observation of each record of a batch, named by group as Spring
			// Kafka's observation of record listeners names them.
			assertThat(enrich).containsPattern(
					"pressline_batch_record_seconds_count\\{error=\"none\",messaging_kafka_consumer_group=\"enrich-service\",topic=\"articles.submitted\"\\} [1-9]");
			assertThat(publish).containsPattern(
					"pressline_batch_record_seconds_count\\{error=\"none\",messaging_kafka_consumer_group=\"publish-service\",topic=\"articles.enriched\"\\} [1-9]");
		});
	}

	/**
	 * The Grafana dashboard asks only for series the services expose: a renamed metric
	 * would otherwise leave an empty panel nobody notices.
	 */
	@Test
	void theDashboardAsksOnlyForMetricsTheServicesExpose() throws Exception {
		String dashboard = Files.readString(Path.of("../deploy/grafana/dashboards/pressline-pipeline.json"));
		String exposed = scrape("ingest-service") + scrape("enrich-service") + scrape("publish-service");
		Set<String> asked = new TreeSet<>();
		Matcher name = Pattern.compile("\\b((?:pressline|spring_kafka)_[a-z_]+)").matcher(dashboard);
		while (name.find()) {
			asked.add(name.group(1));
		}

		assertThat(asked).contains("pressline_stage_reported_total", "pressline_publication_latency_seconds_bucket",
				"pressline_consumer_lag_records", "pressline_deadletters_records");
		for (String metric : asked) {
			if (metric.equals("pressline_webhook_deliveries_total")) {
				// Counted per site once a delivery is attempted; no site is configured
				// here.
				continue;
			}
			assertThat(exposed).as(metric).containsPattern("(?m)^" + metric + "[{ ]");
		}
	}

	private String scrape(String service) throws Exception {
		HttpResponse<String> response = this.client.send(this.client.operator(service, "/actuator/prometheus"));
		assertThat(response.statusCode()).as(service + ": " + response.body()).isEqualTo(200);
		return response.body();
	}

	/**
	 * The value of one series, given exactly as Prometheus prints its name and labels.
	 */
	private static Optional<Double> value(String exposition, String series) {
		Matcher line = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(exposition);
		return line.find() ? Optional.of(Double.parseDouble(line.group(1))) : Optional.empty();
	}

}
