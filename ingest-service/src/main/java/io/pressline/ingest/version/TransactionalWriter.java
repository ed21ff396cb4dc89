package io.pressline.ingest.version;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One transactional producer under a fixed {@code transactional.id}, used by one thread
 * at a time (its caller holds a lock). A new producer calls {@code initTransactions()}:
 * that fences any other producer with the same id, wherever it runs, and completes or
 * aborts the transaction it left open. A producer that was fenced itself is closed, so
 * the next {@link #start()} makes a new one, which fences in its turn.
 * <p>
 * A commit that Kafka does not confirm in time (a broker going away, or too slow to
 * answer within {@code max.block.ms}) is asked for again, since the producer allows
 * nothing else then, not even an abort; if it is still unconfirmed, the producer is
 * closed and the next one settles the transaction, so one slow commit never leaves the
 * partition's writer unusable.
 */
final class TransactionalWriter implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(TransactionalWriter.class);

	/**
	 * How often a commit is asked for before its outcome is left to the next producer.
	 */
	private static final int COMMIT_ATTEMPTS = 2;

	private final String transactionalId;

	private final Function<String, Producer<String, SpecificRecord>> producers;

	private Producer<String, SpecificRecord> producer;

	/**
	 * @param transactionalId the id
	 * @param producers makes a producer with the given transactional id
	 */
	TransactionalWriter(String transactionalId, Function<String, Producer<String, SpecificRecord>> producers) {
		this.transactionalId = transactionalId;
		this.producers = producers;
	}

	String transactionalId() {
		return this.transactionalId;
	}

	/**
	 * Makes sure a producer is ready: a new one is initialised, fencing any other with
	 * the same id.
	 * @throws PipelineUnavailableException when Kafka did not answer
	 */
	void start() {
		if (this.producer != null) {
			return;
		}
		Producer<String, SpecificRecord> fresh = this.producers.apply(this.transactionalId);
		try {
			fresh.initTransactions();
		}
		catch (KafkaException ex) {
			fresh.close(Duration.ZERO);
			throw new PipelineUnavailableException(
					"Kafka did not start the transactions of " + this.transactionalId + ": " + ex.getMessage(), ex);
		}
		this.producer = fresh;
	}

	/**
	 * Writes records in one transaction, and returns once it is committed.
	 * @throws WriterFencedException when another producer with this id started since this
	 * one did; nothing was written
	 * @throws PipelineUnavailableException when Kafka did not take the records; nothing
	 * was written, unless the commit itself went unanswered
	 */
	void write(List<ProducerRecord<String, SpecificRecord>> records) {
		start();
		try {
			this.producer.beginTransaction();
			for (ProducerRecord<String, SpecificRecord> record : records) {
				this.producer.send(record);
			}
		}
		catch (KafkaException ex) {
			throw failed(ex);
		}
		commit();
	}

	/**
	 * Commits the open transaction, asking again when the answer does not come in time.
	 * @throws PipelineUnavailableException when it is still unconfirmed: the producer is
	 * closed, and the transaction is committed or aborted by the coordinator (the next
	 * producer with this id, or the transaction timeout, settles it); whether the records
	 * were written is then unknown
	 */
	private void commit() {
		for (int attempt = 1;; attempt++) {
			try {
				this.producer.commitTransaction();
				return;
			}
			catch (TimeoutException ex) {
				if (attempt < COMMIT_ATTEMPTS) {
					log.warn("Commit of producer {} not confirmed in time (attempt {} of {}); asking again",
							this.transactionalId, attempt, COMMIT_ATTEMPTS);
					continue;
				}
				log.warn("Commit of producer {} still not confirmed after {} attempts; the producer is replaced: {}",
						this.transactionalId, COMMIT_ATTEMPTS, ex.getMessage());
				discard();
				throw new PipelineUnavailableException(
						"Kafka did not confirm the draft in time: it may or may not have been taken", ex);
			}
			catch (KafkaException ex) {
				throw failed(ex);
			}
		}
	}

	/** What a failed transaction leaves: the producer aborted, or replaced. */
	private RuntimeException failed(KafkaException ex) {
		if (fenced(ex) || !abort(ex)) {
			discard();
			return new WriterFencedException(this.transactionalId, ex);
		}
		return new PipelineUnavailableException("Kafka did not accept the draft: " + ex.getMessage(), ex);
	}

	/**
	 * Aborts the transaction after a failure.
	 * @return whether it could: if not, the producer is in an error state (the
	 * coordinator failed its commit while another producer fenced it, say) and a new one
	 * must settle the transaction
	 */
	private boolean abort(KafkaException cause) {
		try {
			this.producer.abortTransaction();
			return true;
		}
		catch (KafkaException | IllegalStateException ex) {
			log.warn("Producer {} could not abort after '{}' and is replaced: {}", this.transactionalId,
					cause.getMessage(), ex.getMessage());
			return false;
		}
	}

	private void discard() {
		Producer<String, SpecificRecord> gone = this.producer;
		this.producer = null;
		gone.close(Duration.ZERO);
	}

	private static boolean fenced(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ProducerFencedException || cause instanceof InvalidProducerEpochException) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void close() {
		if (this.producer != null) {
			discard();
		}
	}

}
