package io.pressline.platform.draft;

/**
 * A request whose bytes cannot be read as a draft at all: not UTF-8, not JSON, or JSON
 * that is not a draft object.
 */
public class MalformedDraftException extends RuntimeException {

	private final String field;

	public MalformedDraftException(String message, String field) {
		super(message);
		this.field = field;
	}

	/** The field the problem is in, or {@code null} when it is the request as a whole. */
	public String field() {
		return this.field;
	}

}
