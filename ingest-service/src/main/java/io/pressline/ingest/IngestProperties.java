package io.pressline.ingest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the ingest service, under {@code pressline.ingest}; each is described with
 * its default in {@code application.yml}.
 *
 * @param instanceId this instance's name, the same across its restarts and different from
 * every other instance running beside it ({@code pressline.instance-id}, by default the
 * service's name); it names the transactional producers of new articles
 * @param idempotencyWindow how long a repeated {@code Idempotency-Key} answers with the
 * first response
 * @param idempotencyMaxKeys how many idempotency keys are remembered at most, within the
 * window; the oldest are forgotten first
 * @param versions how version numbers are given
 * @param store what this instance keeps on disk
 * @param desk the editors' desk page
 * @param batch the limits of a bulk submission ({@code POST /api/v1/articles:batch})
 */
@ConfigurationProperties("pressline.ingest")
public record IngestProperties(String instanceId, Duration idempotencyWindow, int idempotencyMaxKeys, Versions versions,
		Store store, Desk desk, Batch batch) {

	/**
	 * How version numbers are given (see {@code docs/architecture.md}).
	 *
	 * @param topic the compacted topic with the latest version of every article
	 * @param sequencerPrefix the start of the transactional ids of the version sequencer,
	 * {@code <prefix>-versions-<partition>}: the same on every ingest instance of one
	 * pipeline, so that they fence each other
	 * @param attempts how often a new version is tried when another instance takes the
	 * article's partition meanwhile, before the editor is answered 409
	 * @param timeout how long reading the topic to its end may go without progress (an
	 * open transaction holds it up) before the editor is answered 503
	 */
	public record Versions(String topic, String sequencerPrefix, int attempts, Duration timeout) {
	}

	/**
	 * The on-disk store of the status view, the version ledger and the desk's drafts.
	 *
	 * @param directory where a new directory for the store is made on every start (and
	 * removed on stop); the system's temporary directory when not set
	 * @param cacheSize the store's page cache on the heap
	 */
	public record Store(Path directory, DataSize cacheSize) {
	}

	/**
	 * The limits of one bulk submission; a batch over either is refused whole with
	 * {@code 413}, before any of it is read as drafts.
	 *
	 * @param maxItems the most drafts in one batch
	 * @param maxSize the largest request body of one batch
	 */
	public record Batch(int maxItems, DataSize maxSize) {
	}

	/**
	 * Settings of the editors' desk.
	 *
	 * @param enrichUrl where enrich-service answers, for the enrichment preview
	 * @param previewTimeout how long a preview may take before the desk gives up
	 * @param capacity how many recent articles the desk keeps
	 * @param versionsPerArticle how many of each article's latest versions the desk lists
	 * @param heartbeat how often an idle live stream says it is still there
	 */
	public record Desk(URI enrichUrl, Duration previewTimeout, int capacity, int versionsPerArticle,
			Duration heartbeat) {
	}

}
