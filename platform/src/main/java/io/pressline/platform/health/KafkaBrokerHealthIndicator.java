package io.pressline.platform.health;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Whether the service reaches its Kafka cluster: the cluster's id and how many brokers
 * answer, asked with a short timeout. Part of the readiness probe, not of liveness: a
 * broker outage makes a service stop taking work, it is no reason to restart it.
 */
public class KafkaBrokerHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

	private final Map<String, Object> configuration;

	private final Duration timeout;

	private AdminClient admin;

	/**
	 * @param adminConfiguration how to reach the cluster (as the service's own admin
	 * client does)
	 * @param timeout how long one check may take before the broker counts as down
	 */
	public KafkaBrokerHealthIndicator(Map<String, Object> adminConfiguration, Duration timeout) {
		super("Kafka health check failed");
		this.configuration = new HashMap<>(adminConfiguration);
		int millis = (int) timeout.toMillis();
		this.configuration.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
		this.configuration.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
		this.configuration.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "pressline-health");
		this.timeout = timeout;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		long millis = this.timeout.toMillis();
		DescribeClusterResult cluster = admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) millis));
		String clusterId = cluster.clusterId().get(millis, TimeUnit.MILLISECONDS);
		Collection<Node> nodes = cluster.nodes().get(millis, TimeUnit.MILLISECONDS);
		builder.up().withDetail("clusterId", clusterId).withDetail("brokers", nodes.size());
	}

	private synchronized AdminClient admin() {
		if (this.admin == null) {
			this.admin = AdminClient.create(this.configuration);
		}
		return this.admin;
	}

	@Override
	public synchronized void destroy() {
		if (this.admin != null) {
			this.admin.close(Duration.ofSeconds(1));
		}
	}

}
