package io.pressline.event.serde;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * An event whose Avro payload is written once, for an event that goes to several topics
 * (publish-service writes each edition to {@code articles.published}, the section's topic
 * and {@code articles.latest}). {@link AvroEventSerializer} frames the payload for each
 * topic as it frames any event ({@link WireFormat}: the single-object header, or the
 * registry's schema id for that topic's subject) instead of encoding the event again, so
 * every topic gets the bytes the event itself would have given.
 *
 * <p>
 * A {@link SpecificRecord} itself, reading as the event it holds, so it can stand where
 * an event is expected; it cannot be changed ({@link #put} refuses), because the payload
 * would no longer say what it reads as.
 *
 * @param <T> the event type
 */
public final class EncodedEvent<T extends SpecificRecord> implements SpecificRecord {

	private final T event;

	private final byte[] singleObject;

	private EncodedEvent(T event, byte[] singleObject) {
		this.event = event;
		this.singleObject = singleObject;
	}

	/**
	 * Writes the event's Avro binary once.
	 * @param event the event; not to be changed afterwards
	 * @throws org.apache.kafka.common.errors.SerializationException if it cannot be
	 * written
	 */
	public static <T extends SpecificRecord> EncodedEvent<T> of(T event) {
		return new EncodedEvent<>(event, AvroEventSerializer.singleObject(event));
	}

	/** The event. */
	public T event() {
		return this.event;
	}

	/**
	 * The event in single-object encoding: the header
	 * ({@value AvroEventSerializer#SINGLE_OBJECT_HEADER_LENGTH} bytes) then the Avro
	 * binary. Shared by every record written from it, never to be changed: Kafka copies a
	 * value's bytes into its batch.
	 */
	byte[] singleObject() {
		return this.singleObject;
	}

	@Override
	public Schema getSchema() {
		return this.event.getSchema();
	}

	@Override
	public Object get(int field) {
		return this.event.get(field);
	}

	@Override
	public void put(int field, Object value) {
		throw new UnsupportedOperationException("An encoded event cannot be changed: its payload is written");
	}

	@Override
	public String toString() {
		return this.event.toString();
	}

}
