package io.pressline.platform.transaction;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Side effects that belong to a Kafka transaction's outcome: a change to a stage's memory
 * or a metric that must happen only if the records it goes with are committed, or a mark
 * to clear whatever the outcome. Outside a transaction (or one without synchronisation)
 * they run at once. The listener containers have synchronisation switched on by
 * {@code DeadLetterHandling}.
 */
public final class TransactionEffects {

	private TransactionEffects() {
	}

	/**
	 * Runs the change once the current transaction commits, and never if it rolls back.
	 */
	public static void afterCommit(Runnable change) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			change.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				change.run();
			}

		});
	}

	/**
	 * Runs the cleanup once the current transaction has completed, whatever its outcome.
	 */
	public static void afterCompletion(Runnable cleanup) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			cleanup.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCompletion(int status) {
				cleanup.run();
			}

		});
	}

	/** Whether a transaction with synchronisation is in progress on this thread. */
	public static boolean inTransaction() {
		return TransactionSynchronizationManager.isSynchronizationActive();
	}

}
