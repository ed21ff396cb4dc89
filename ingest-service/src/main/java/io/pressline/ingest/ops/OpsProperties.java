package io.pressline.ingest.ops;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the operators' status page, under {@code pressline.ops}.
 *
 * @param recent how many recent article versions the page can show
 * @param groups the stages' consumer groups whose backlog it shows, in pipeline order
 * @param backlogInterval how often their backlog is asked of the broker
 */
@ConfigurationProperties("pressline.ops")
public record OpsProperties(int recent, List<String> groups, Duration backlogInterval) {
}
