package io.pressline.platform.draft;

import java.time.Instant;

/**
 * A draft as an editor submitted it, after parsing and validation: every field holds a
 * value the pipeline accepts.
 *
 * @param headline one line, never blank
 * @param body plain text, paragraphs separated by an empty line, never blank
 * @param byline who wrote it, or {@code null}
 * @param section desk slug such as {@code politics}, or {@code null}
 * @param language ISO 639-1 code the editor declared, or {@code null}
 * @param embargoUntil earliest publication time, or {@code null}
 * @param legalHold whether the version waits for legal clearance before publication
 * @param note what a correction corrects, or {@code null} for an ordinary version
 */
public record Draft(String headline, String body, String byline, String section, String language, Instant embargoUntil,
		boolean legalHold, String note) {

	/** A draft without legal hold or correction note. */
	public Draft(String headline, String body, String byline, String section, String language, Instant embargoUntil) {
		this(headline, body, byline, section, language, embargoUntil, false, null);
	}

	/** The body's size in UTF-8 bytes, the unit of the body limit. */
	public int bodyBytes() {
		return Utf8.length(this.body);
	}

}
