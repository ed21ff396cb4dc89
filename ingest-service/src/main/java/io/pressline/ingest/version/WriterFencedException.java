package io.pressline.ingest.version;

/**
 * Another producer with the same transactional id started since this one did: its
 * transaction was aborted, and the producer closed.
 */
class WriterFencedException extends RuntimeException {

	WriterFencedException(String transactionalId, Throwable cause) {
		super("Another producer took the transactional id " + transactionalId, cause);
	}

}
