package io.pressline.platform.deadletter;

import org.apache.kafka.common.errors.ProducerFencedException;

import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.transaction.KafkaAwareTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

/**
 * The transaction manager of a container reading in batches, around the binder's own: a
 * batch whose transaction could not commit or abort because its producer was fenced fails
 * like any other failure of the batch as a whole, so {@link BatchAfterRollback} seeks
 * back to its first records and reads it again.
 * <p>
 * Spring Kafka's container treats a {@link ProducerFencedException} apart: it logs it and
 * polls on without the after-rollback processor, since it cannot tell a fencing after a
 * rebalance (another instance owns the partitions now) from one after a transaction
 * timeout (this consumer still owns them). In the second case the batch would never be
 * read again: the next batch's commit moves the group's offsets past it. Seeking back is
 * right in both: a partition that went elsewhere is revoked at the next poll, and its new
 * owner reads from the last committed offset.
 */
final class FencedBatchTransactions implements KafkaAwareTransactionManager<Object, Object> {

	private final KafkaAwareTransactionManager<Object, Object> delegate;

	FencedBatchTransactions(KafkaAwareTransactionManager<Object, Object> delegate) {
		this.delegate = delegate;
	}

	KafkaAwareTransactionManager<Object, Object> delegate() {
		return this.delegate;
	}

	@Override
	public ProducerFactory<Object, Object> getProducerFactory() {
		return this.delegate.getProducerFactory();
	}

	@Override
	public TransactionStatus getTransaction(TransactionDefinition definition) {
		return this.delegate.getTransaction(definition);
	}

	@Override
	public void commit(TransactionStatus status) {
		try {
			this.delegate.commit(status);
		}
		catch (ProducerFencedException fenced) {
			throw fenced("commit", fenced);
		}
	}

	@Override
	public void rollback(TransactionStatus status) {
		try {
			this.delegate.rollback(status);
		}
		catch (ProducerFencedException fenced) {
			throw fenced("abort", fenced);
		}
	}

	private static KafkaException fenced(String step, ProducerFencedException fenced) {
		return new KafkaException(
				"The producer of the batch's transaction was fenced at its " + step + "; the batch is read again",
				fenced);
	}

}
