package io.pressline.platform.draft;

/**
 * What is wrong with one field of a draft.
 *
 * @param field the field, as named in the API ({@code headline}, {@code body}, ...)
 * @param message what is wrong, in words an editor understands
 */
public record FieldError(String field, String message) {
}
