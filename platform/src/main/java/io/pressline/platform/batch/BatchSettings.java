package io.pressline.platform.batch;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How large the batches of the stages that read in batches (enrich-service,
 * publish-service) may grow, under {@code pressline.batch}; each batch is one Kafka
 * transaction. Applied to every input binding in batch mode by
 * {@link BatchConsumerSettings}.
 *
 * @param maxRecords the most records one poll hands over, so one transaction carries (the
 * consumer's {@code max.poll.records})
 * @param linger how long the broker may hold a fetch back to make the batch larger
 * ({@code fetch.max.wait.ms}); zero hands over whatever is there at once, so batches grow
 * only when records queue up while the previous transaction commits
 * @param lingerBytes how much a fetch waits for while lingering ({@code fetch.min.bytes})
 */
@ConfigurationProperties("pressline.batch")
public record BatchSettings(Integer maxRecords, Duration linger, DataSize lingerBytes) {

	public BatchSettings {
		maxRecords = (maxRecords != null) ? maxRecords : 100;
		linger = (linger != null) ? linger : Duration.ZERO;
		lingerBytes = (lingerBytes != null) ? lingerBytes : DataSize.ofKilobytes(256);
		if (maxRecords < 1) {
			throw new IllegalArgumentException("pressline.batch.max-records must be at least 1, not " + maxRecords);
		}
		if (linger.isNegative()) {
			throw new IllegalArgumentException("pressline.batch.linger must not be negative, not " + linger);
		}
	}

}
