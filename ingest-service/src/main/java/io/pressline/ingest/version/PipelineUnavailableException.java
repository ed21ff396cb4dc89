package io.pressline.ingest.version;

/** Kafka could not take the draft; nothing was submitted. */
public class PipelineUnavailableException extends RuntimeException {

	public PipelineUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
