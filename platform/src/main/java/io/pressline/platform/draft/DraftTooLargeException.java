package io.pressline.platform.draft;

/** A draft whose body is larger than the configured limit. */
public class DraftTooLargeException extends RuntimeException {

	private final long limitBytes;

	public DraftTooLargeException(long limitBytes) {
		super("The body is larger than the limit of " + limitBytes + " bytes");
		this.limitBytes = limitBytes;
	}

	public long limitBytes() {
		return this.limitBytes;
	}

}
