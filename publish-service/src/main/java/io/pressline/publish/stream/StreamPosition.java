package io.pressline.publish.stream;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where a reader of the event stream is: the next offset to read in each partition. It
 * travels as the SSE event id ({@code 0:15,1:7,2:30}), so a client that reconnects with
 * {@code Last-Event-ID} resumes exactly after the last event it received, on any
 * instance, after any restart.
 */
public final class StreamPosition {

	private final TreeMap<Integer, Long> offsets;

	private StreamPosition(Map<Integer, Long> offsets) {
		this.offsets = new TreeMap<>(offsets);
	}

	public static StreamPosition of(Map<Integer, Long> offsets) {
		return new StreamPosition(offsets);
	}

	/**
	 * Reads an event id.
	 * @throws IllegalArgumentException when it is not one this stream wrote
	 */
	public static StreamPosition parse(String eventId) {
		Map<Integer, Long> offsets = new TreeMap<>();
		try {
			for (String part : eventId.strip().split(",")) {
				int colon = part.indexOf(':');
				int partition = Integer.parseInt(part.substring(0, colon));
				long offset = Long.parseLong(part.substring(colon + 1));
				if (partition < 0 || offset < 0) {
					throw new IllegalArgumentException("negative partition or offset");
				}
				offsets.put(partition, offset);
			}
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("Last-Event-ID '" + eventId
					+ "' is not an id of this stream (partition:offset pairs such as 0:15,1:7)", ex);
		}
		return new StreamPosition(offsets);
	}

	/** The next offset to read in a partition, if this position knows the partition. */
	public Long offset(int partition) {
		return this.offsets.get(partition);
	}

	/** This position after reading the record at {@code offset} in {@code partition}. */
	public StreamPosition after(int partition, long offset) {
		StreamPosition next = new StreamPosition(this.offsets);
		next.offsets.put(partition, offset + 1);
		return next;
	}

	@Override
	public String toString() {
		return this.offsets.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + ":" + entry.getValue())
			.collect(Collectors.joining(","));
	}

}
