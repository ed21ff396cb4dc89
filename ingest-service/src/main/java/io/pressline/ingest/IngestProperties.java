package io.pressline.ingest;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the ingest service, under {@code pressline.ingest}.
 *
 * @param idempotencyWindow how long a repeated {@code Idempotency-Key} answers with the
 * first response
 * @param desk the editors' desk page
 */
@ConfigurationProperties("pressline.ingest")
public record IngestProperties(Duration idempotencyWindow, Desk desk) {

	/**
	 * Settings of the editors' desk.
	 *
	 * @param enrichUrl where enrich-service answers, for the enrichment preview
	 * @param previewTimeout how long a preview may take before the desk gives up
	 * @param capacity how many recent articles the desk keeps
	 * @param heartbeat how often an idle live stream says it is still there
	 */
	public record Desk(URI enrichUrl, Duration previewTimeout, int capacity, Duration heartbeat) {
	}

}
