package io.pressline.platform.health;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Whether the service reaches its Kafka cluster: the cluster's id and how many brokers
 * answer, asked with a short timeout. Part of the readiness probe, not of liveness: a
 * broker outage makes a service stop taking work, it is no reason to restart it.
 */
public class KafkaBrokerHealthIndicator extends AbstractHealthIndicator {

	private final AdminClient admin;

	private final Duration timeout;

	/**
	 * @param admin the service's admin client
	 * @param timeout how long one check may take before the broker counts as down
	 */
	public KafkaBrokerHealthIndicator(AdminClient admin, Duration timeout) {
		super("Kafka health check failed");
		this.admin = admin;
		this.timeout = timeout;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		long millis = this.timeout.toMillis();
		DescribeClusterResult cluster = this.admin
			.describeCluster(new DescribeClusterOptions().timeoutMs((int) millis));
		String clusterId = cluster.clusterId().get(millis, TimeUnit.MILLISECONDS);
		Collection<Node> nodes = cluster.nodes().get(millis, TimeUnit.MILLISECONDS);
		builder.up().withDetail("clusterId", clusterId).withDetail("brokers", nodes.size());
	}

}
