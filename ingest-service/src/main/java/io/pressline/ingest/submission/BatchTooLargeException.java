package io.pressline.ingest.submission;

/** A bulk submission over its limit of drafts or bytes; none of it is submitted. */
class BatchTooLargeException extends RuntimeException {

	private final int limitItems;

	private final long limitBytes;

	BatchTooLargeException(String message, int limitItems, long limitBytes) {
		super(message);
		this.limitItems = limitItems;
		this.limitBytes = limitBytes;
	}

	int limitItems() {
		return this.limitItems;
	}

	long limitBytes() {
		return this.limitBytes;
	}

}
