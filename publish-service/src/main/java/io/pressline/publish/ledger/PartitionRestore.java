package io.pressline.publish.ledger;

import java.util.Collection;

/** Fills the ledger's copy of partitions from {@code articles.publish-state}. */
@FunctionalInterface
public interface PartitionRestore {

	/**
	 * Replaces the ledger's copy of each partition with what the state topic holds.
	 * @throws RuntimeException when a partition cannot be read; nothing may be decided on
	 * it then
	 */
	void restore(Collection<Integer> partitions);

}
