package io.pressline.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a service reports on itself to operators ({@code pressline.health} and
 * {@code pressline.metrics}, defaults in {@code pressline-defaults.yml}).
 *
 * @param health the readiness check of the broker
 * @param metrics the backlog metrics
 */
@ConfigurationProperties("pressline")
public record OperationsSettings(Health health, Metrics metrics) {

	/**
	 * @param brokerTimeout how long the health check waits for the broker before it
	 * reports it down
	 */
	public record Health(Duration brokerTimeout) {
	}

	/**
	 * @param backlogInterval how often consumer lag and dead letters are measured
	 */
	public record Metrics(Duration backlogInterval) {
	}

}
