package io.pressline.ingest.version;

/**
 * A transactional writer lost its transaction, and its producer was closed: another
 * producer with the same transactional id started since this one did (its transaction is
 * aborted), or the transaction failed in a way the producer cannot recover from (the
 * coordinator failed a commit that met another producer's fencing, say). A new producer,
 * initialised, settles it either way; whatever was committed is then readable.
 */
class WriterFencedException extends RuntimeException {

	WriterFencedException(String transactionalId, Throwable cause) {
		super("The transaction of " + transactionalId + " was lost: " + cause.getMessage(), cause);
	}

}
