package io.pressline.platform.deadletter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The records of this instance's batches that were dead-lettered and are still to be
 * passed over: once a record of a batch has failed all its attempts and gone to its
 * dead-letter topic, its batch is read again, and the rest of it is handled and committed
 * without it. Bounded: an entry the batch never comes back for (its partition moved to
 * another instance, which tries the record again itself) is forgotten in the end.
 */
public class DeadLetteredRecords {

	private static final int LIMIT = 10_000;

	private final Set<Position> positions = Collections
		.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {

			@Override
			protected boolean removeEldestEntry(Map.Entry<Position, Boolean> eldest) {
				return size() > LIMIT;
			}

		}));

	/** Marks a record as dead-lettered: its batch, read again, passes it over. */
	public void deadLettered(String topic, int partition, long offset) {
		this.positions.add(new Position(topic, partition, offset));
	}

	/**
	 * Whether the record was dead-lettered and is to be passed over; it is passed over
	 * once.
	 */
	public boolean passOver(String topic, int partition, long offset) {
		return this.positions.remove(new Position(topic, partition, offset));
	}

	private record Position(String topic, int partition, long offset) {
	}

}
