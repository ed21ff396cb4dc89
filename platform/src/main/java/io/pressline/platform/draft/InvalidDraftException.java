package io.pressline.platform.draft;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A draft that was read but breaks one or more rules; nothing of it goes to the pipeline.
 */
public class InvalidDraftException extends RuntimeException {

	private final List<FieldError> errors;

	public InvalidDraftException(List<FieldError> errors) {
		super(errors.stream().map((e) -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
		this.errors = List.copyOf(errors);
	}

	public List<FieldError> errors() {
		return this.errors;
	}

}
