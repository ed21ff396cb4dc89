package io.pressline.ingest.reenrichment;

/**
 * A re-enrichment cannot be started or resumed now: one is running, here or on another
 * instance, or there is none to resume. Answered {@code 409}.
 */
public class ReenrichmentBusyException extends RuntimeException {

	ReenrichmentBusyException(String message) {
		super(message);
	}

}
