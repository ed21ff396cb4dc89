package io.pressline.ingest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the ingest service, under {@code pressline.ingest}.
 *
 * @param maxBodySize largest article body accepted, in UTF-8 bytes
 * @param idempotencyWindow how long a repeated {@code Idempotency-Key} answers with the
 * first response
 */
@ConfigurationProperties("pressline.ingest")
public record IngestProperties(DataSize maxBodySize, Duration idempotencyWindow) {
}
