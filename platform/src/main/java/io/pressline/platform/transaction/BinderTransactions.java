package io.pressline.platform.transaction;

import org.springframework.cloud.stream.binder.Binder;
import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.cloud.stream.binder.kafka.KafkaMessageChannelBinder;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.messaging.MessageChannel;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Kafka transactions for work that does not start from a record, such as an embargo's
 * release: on the binder's own transactional producers, so that the records sent through
 * {@code StreamBridge} or {@code BindingRecords} inside {@link #execute} commit or abort
 * together. Without a {@code transaction-id-prefix} on the binder the work runs without a
 * transaction.
 */
public class BinderTransactions implements TransactionOperations {

	private final BinderFactory binders;

	private volatile TransactionOperations delegate;

	public BinderTransactions(BinderFactory binders) {
		this.binders = binders;
	}

	@Override
	public <T> T execute(TransactionCallback<T> action) throws TransactionException {
		return delegate().execute(action);
	}

	private TransactionOperations delegate() {
		TransactionOperations operations = this.delegate;
		if (operations == null) {
			// The binder exists once the bindings are up, not when this bean is made.
			Binder<MessageChannel, ?, ?> binder = this.binders.getBinder(null, MessageChannel.class);
			ProducerFactory<byte[], byte[]> producers = (binder instanceof KafkaMessageChannelBinder kafka)
					? kafka.getTransactionalProducerFactory() : null;
			if (producers != null) {
				KafkaTransactionManager<byte[], byte[]> manager = new KafkaTransactionManager<>(producers);
				// So the work learns whether its transaction committed, as with records.
				manager.setTransactionSynchronization(KafkaTransactionManager.SYNCHRONIZATION_ALWAYS);
				operations = new TransactionTemplate(manager);
			}
			else {
				operations = TransactionOperations.withoutTransaction();
			}
			this.delegate = operations;
		}
		return operations;
	}

}
