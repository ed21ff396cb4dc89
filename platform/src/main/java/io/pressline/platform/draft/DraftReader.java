package io.pressline.platform.draft;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a draft from the bytes of a request: JSON with named fields, or plain text whose
 * first non-empty line is the headline. An optional {@code By ...} line right after the
 * headline is taken as the byline.
 */
public final class DraftReader {

	private static final int MAX_BYLINE_LINE = 120;

	private final DraftRules rules;

	private final ObjectReader jsonReader;

	public DraftReader(DraftRules rules, JsonMapper jsonMapper) {
		this.rules = rules;
		this.jsonReader = jsonMapper.readerFor(JsonDraft.class)
			.with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
	}

	/**
	 * Reads the JSON form: {@code {"headline": ..., "body": ..., "byline": ..., ...}}.
	 */
	public Draft readJson(byte[] bytes) {
		String json = decode(bytes);
		JsonDraft draft;
		try {
			draft = this.jsonReader.readValue(json);
		}
		catch (UnrecognizedPropertyException ex) {
			throw new MalformedDraftException(
					"Unknown field '" + ex.getPropertyName() + "'; the fields are "
							+ "headline, body, byline, section, language, embargoUntil, legalHold and note",
					ex.getPropertyName());
		}
		catch (MismatchedInputException ex) {
			String field = ex.getPath().isEmpty() ? null : ex.getPath().get(0).getPropertyName();
			throw new MalformedDraftException((field == null) ? "The JSON must be an object of draft fields"
					: "Field '" + field + "' must be " + ("legalHold".equals(field) ? "true or false" : "a string"),
					field);
		}
		catch (JacksonException ex) {
			throw new MalformedDraftException(
					"Malformed JSON" + where(ex.getLocation()) + ": " + ex.getOriginalMessage(), null);
		}
		if (draft == null) {
			throw new MalformedDraftException("The JSON must be an object of draft fields", null);
		}
		return this.rules.check(draft.headline(), draft.body(), draft.byline(), draft.section(), draft.language(),
				draft.embargoUntil(), (draft.legalHold() != null) ? draft.legalHold().toString() : null, draft.note());
	}

	/**
	 * Reads the plain-text form, with optional extra fields (from query parameters or a
	 * form).
	 */
	public Draft readText(byte[] bytes, Map<String, String> fields) {
		String text = decode(bytes).replace("\r\n", "\n").replace('\r', '\n');
		String[] lines = text.split("\n", -1);
		int first = 0;
		while (first < lines.length && lines[first].isBlank()) {
			first++;
		}
		String headline = (first < lines.length) ? lines[first] : null;
		int bodyStart = first + 1;
		String byline = fields.get("byline");
		int next = bodyStart;
		while (next < lines.length && lines[next].isBlank()) {
			next++;
		}
		if (byline == null && next < lines.length && isBylineLine(lines[next])) {
			byline = lines[next].strip();
			bodyStart = next + 1;
		}
		String body = (bodyStart < lines.length)
				? String.join("\n", java.util.Arrays.copyOfRange(lines, bodyStart, lines.length)) : null;
		return this.rules.check(headline, body, byline, fields.get("section"), fields.get("language"),
				fields.get("embargoUntil"), fields.get("legalHold"), fields.get("note"));
	}

	private static boolean isBylineLine(String line) {
		String stripped = line.strip();
		return stripped.startsWith("By ") && stripped.length() <= MAX_BYLINE_LINE && !stripped.endsWith(".");
	}

	private static String decode(byte[] bytes) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		try {
			String text = decoder.decode(buffer).toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			throw new MalformedDraftException(
					"The request is not valid UTF-8 (first bad byte at offset " + buffer.position() + ")", null);
		}
	}

	private static String where(TokenStreamLocation location) {
		if (location == null || location.getLineNr() < 1) {
			return "";
		}
		return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
	}

	/**
	 * The JSON shape of a draft; every field arrives as text and is checked by
	 * {@link DraftRules}.
	 */
	record JsonDraft(String headline, String body, String byline, String section, String language, String embargoUntil,
			Boolean legalHold, String note) {
	}

}
