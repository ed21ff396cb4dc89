package io.pressline.platform.draft;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a draft from an HTTP request, for every endpoint that takes one (submission,
 * enrichment preview): JSON or UTF-8 plain text, never more than the body limit plus room
 * for the other fields, so an oversized request is refused before it is read.
 */
public final class DraftRequests {

	/** Room for headline, byline and JSON syntax around a body of the largest size. */
	private static final int ENVELOPE_BYTES = 64 * 1024;

	private final DraftRules rules;

	private final DraftReader reader;

	public DraftRequests(long maxBodyBytes, JsonMapper jsonMapper) {
		this.rules = new DraftRules(maxBodyBytes);
		this.reader = new DraftReader(this.rules, jsonMapper);
	}

	/**
	 * Reads the draft of a request.
	 * @param request a request with an {@code application/json} or {@code text/plain}
	 * body
	 * @param fields extra fields of a text draft (from the query string), by name
	 */
	public Draft read(HttpServletRequest request, Map<String, String> fields) throws IOException {
		MediaType type = MediaType.parseMediaType(request.getContentType());
		if (MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
			return this.reader.readJson(readBounded(request));
		}
		// The declared charset, not getCharacterEncoding(): Boot's encoding filter
		// overrides that with UTF-8.
		Charset charset = type.getCharset();
		if (charset != null && !charset.equals(StandardCharsets.UTF_8) && !charset.equals(StandardCharsets.US_ASCII)) {
			throw new DraftEncodingException(charset.name());
		}
		return this.reader.readText(readBounded(request), fields);
	}

	/**
	 * Reads one draft in its JSON form from bytes already read, as an item of a batch is.
	 * @throws MalformedDraftException when the bytes are not a JSON draft object
	 * @throws InvalidDraftException when the draft breaks a rule
	 * @throws DraftTooLargeException when its body is over the limit
	 */
	public Draft readJson(byte[] json) {
		return this.reader.readJson(json);
	}

	/** The largest body a draft may have, in UTF-8 bytes. */
	public long maxBodyBytes() {
		return this.rules.maxBodyBytes();
	}

	private byte[] readBounded(HttpServletRequest request) throws IOException {
		long limit = this.rules.maxBodyBytes() + ENVELOPE_BYTES;
		if (request.getContentLengthLong() > limit) {
			throw new DraftTooLargeException(this.rules.maxBodyBytes());
		}
		try (InputStream in = request.getInputStream()) {
			byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
			if (bytes.length > limit) {
				throw new DraftTooLargeException(this.rules.maxBodyBytes());
			}
			return bytes;
		}
	}

}
