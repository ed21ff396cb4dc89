package io.pressline.ingest.reenrichment;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the re-enrichment of the archive, under
 * {@code pressline.ingest.reenrichment}; each is described with its default in
 * {@code application.yml}.
 *
 * @param group the replay's consumer group on {@code articles.latest}, whose committed
 * offsets are its position
 * @param rate articles replayed a second at most, on average
 * @param burst articles replayed at once at most, after a wait
 * @param pauseAbove the backlog of the live groups, in records, above which the replay
 * waits (it goes on at half of it)
 * @param liveGroups the consumer groups whose backlog is live traffic's
 * @param resumeOnStart whether an instance that starts takes up an unfinished run
 */
@ConfigurationProperties("pressline.ingest.reenrichment")
public record ReenrichmentProperties(String group, double rate, int burst, long pauseAbove, List<String> liveGroups,
		boolean resumeOnStart) {
}
