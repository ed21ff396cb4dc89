package io.pressline.event.serde;

/**
 * A serializer that says what its bytes are: the media type a record's
 * {@code content-type} header carries (the CloudEvents {@code datacontenttype} of a
 * record in binary mode). Asked of the configured value serializer once it is configured,
 * so a serializer whose framing depends on its settings answers for the framing it
 * writes.
 */
public interface EventEncoding {

	/** The media type of the values this serializer writes. */
	String contentType();

}
