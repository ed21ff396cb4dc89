package io.pressline.platform.draft;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The editorial rules a draft must meet before it enters the pipeline. The API and the
 * editors' web form apply the same rules, so an editor gets the same message wherever the
 * draft comes from.
 */
public final class DraftRules {

	static final int MAX_HEADLINE_CHARS = 300;

	static final int MAX_BYLINE_CHARS = 200;

	static final int MAX_NOTE_CHARS = 2000;

	private static final Pattern SECTION = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

	private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

	private final long maxBodyBytes;

	public DraftRules(long maxBodyBytes) {
		this.maxBodyBytes = maxBodyBytes;
	}

	public long maxBodyBytes() {
		return this.maxBodyBytes;
	}

	/**
	 * Checks raw field values and returns the accepted draft.
	 * @throws InvalidDraftException naming every field that breaks a rule
	 * @throws DraftTooLargeException when the body is over the limit
	 */
	public Draft check(String headline, String body, String byline, String section, String language,
			String embargoUntil) {
		return check(headline, body, byline, section, language, embargoUntil, null, null);
	}

	/**
	 * Checks raw field values, with the legal-hold flag and the correction note, and
	 * returns the accepted draft.
	 * @throws InvalidDraftException naming every field that breaks a rule
	 * @throws DraftTooLargeException when the body is over the limit
	 */
	public Draft check(String headline, String body, String byline, String section, String language,
			String embargoUntil, String legalHold, String note) {
		List<FieldError> errors = new ArrayList<>();
		String cleanHeadline = trimToNull(headline);
		if (cleanHeadline == null) {
			errors.add(new FieldError("headline", "is missing: every article needs a headline"));
		}
		else if (cleanHeadline.contains("\n")) {
			errors.add(new FieldError("headline", "must be a single line"));
		}
		else if (cleanHeadline.length() > MAX_HEADLINE_CHARS) {
			errors.add(new FieldError("headline",
					"is " + cleanHeadline.length() + " characters long; the limit is " + MAX_HEADLINE_CHARS));
		}
		String cleanBody = normaliseBody(body);
		if (cleanBody == null) {
			errors.add(new FieldError("body", "is missing: the article has no text"));
		}
		else if (Utf8.length(cleanBody) > this.maxBodyBytes) {
			throw new DraftTooLargeException(this.maxBodyBytes);
		}
		String cleanByline = trimToNull(byline);
		if (cleanByline != null && (cleanByline.length() > MAX_BYLINE_CHARS || cleanByline.contains("\n"))) {
			errors.add(new FieldError("byline", "must be one line of at most " + MAX_BYLINE_CHARS + " characters"));
		}
		String cleanSection = trimToNull(section);
		if (cleanSection != null) {
			cleanSection = cleanSection.toLowerCase(Locale.ROOT);
			if (!SECTION.matcher(cleanSection).matches()) {
				errors.add(new FieldError("section",
						"must be a desk slug of letters, digits and hyphens (for example 'local-news')"));
			}
		}
		String cleanLanguage = trimToNull(language);
		if (cleanLanguage != null) {
			cleanLanguage = cleanLanguage.toLowerCase(Locale.ROOT);
			if (!LANGUAGES.contains(cleanLanguage)) {
				errors.add(new FieldError("language", "must be a two-letter ISO 639-1 code such as 'en' or 'fr'"));
			}
		}
		Instant embargo = null;
		String cleanEmbargo = trimToNull(embargoUntil);
		if (cleanEmbargo != null) {
			try {
				// To the millisecond, as the events keep it: a retry under the same
				// Idempotency-Key, checked on another instance against the event read
				// back, is then the same draft.
				embargo = OffsetDateTime.parse(cleanEmbargo).toInstant().truncatedTo(ChronoUnit.MILLIS);
			}
			catch (DateTimeParseException ex) {
				errors.add(new FieldError("embargoUntil",
						"must be a date and time with an offset, such as '2026-11-25T18:00:00Z'"));
			}
		}
		boolean hold = false;
		String cleanHold = trimToNull(legalHold);
		if (cleanHold != null) {
			if (cleanHold.equalsIgnoreCase("true") || cleanHold.equalsIgnoreCase("false")) {
				hold = Boolean.parseBoolean(cleanHold.toLowerCase(Locale.ROOT));
			}
			else {
				errors.add(new FieldError("legalHold", "must be true or false"));
			}
		}
		String cleanNote = trimToNull(note);
		if (cleanNote != null && cleanNote.length() > MAX_NOTE_CHARS) {
			errors.add(new FieldError("note",
					"is " + cleanNote.length() + " characters long; the limit is " + MAX_NOTE_CHARS));
		}
		if (!errors.isEmpty()) {
			throw new InvalidDraftException(errors);
		}
		return new Draft(cleanHeadline, cleanBody, cleanByline, cleanSection, cleanLanguage, embargo, hold, cleanNote);
	}

	private static String trimToNull(String value) {
		if (value == null) {
			return null;
		}
		String trimmed = value.replace("\r\n", "\n").replace('\r', '\n').strip();
		return trimmed.isEmpty() ? null : trimmed;
	}

	/**
	 * Unix line ends, no trailing spaces on lines, at most one empty line between
	 * paragraphs. One pass over the text: the submission path runs it on every body, and
	 * regular expressions made it a fifth of ingest's CPU time under load.
	 */
	static String normaliseBody(String body) {
		String text = trimToNull(body);
		if (text == null) {
			return null;
		}
		if (isNormal(text)) {
			// Most drafts are tidy already: four intrinsic searches instead of a copy.
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		int blanks = 0;
		int newlines = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == ' ' || c == '\t' || c == '\u00A0') {
				blanks++;
			}
			else if (c == '\n') {
				// Spaces before a line end go; so do empty lines beyond the first.
				blanks = 0;
				newlines++;
			}
			else {
				out.append("\n\n", 0, Math.min(newlines, 2));
				newlines = 0;
				if (blanks > 0) {
					out.append(text, i - blanks, i);
					blanks = 0;
				}
				out.append(c);
			}
		}
		if (blanks > 0) {
			// A no-break space survives strip(): keep it as the expressions would.
			out.append("\n\n", 0, Math.min(newlines, 2)).append(text, text.length() - blanks, text.length());
		}
		return out.toString();
	}

	/**
	 * Whether {@link #normaliseBody} would leave the stripped text as it is: no blank
	 * before a line end and no more than one empty line in a row.
	 */
	private static boolean isNormal(String text) {
		return text.indexOf(" \n") < 0 && text.indexOf("\t\n") < 0 && text.indexOf("\u00A0\n") < 0
				&& text.indexOf("\n\n\n") < 0;
	}

}
