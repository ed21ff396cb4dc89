package io.pressline.ingest.submission;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

import io.pressline.ingest.IngestProperties;
import io.pressline.ingest.draft.Draft;
import io.pressline.ingest.draft.DraftReader;
import io.pressline.ingest.draft.DraftRules;
import io.pressline.ingest.draft.DraftTooLargeException;
import io.pressline.ingest.draft.MalformedDraftException;
import io.pressline.ingest.status.ArticleStatuses;

/** The editors' API for articles. */
@RestController
@RequestMapping("/api/v1/articles")
class ArticleController {

	/** Room for headline, byline and JSON syntax around a body of the largest size. */
	private static final int ENVELOPE_BYTES = 64 * 1024;

	private static final int MAX_KEY_LENGTH = 255;

	private final DraftReader reader;

	private final DraftRules rules;

	private final Submissions submissions;

	private final ArticleStatuses statuses;

	ArticleController(IngestProperties properties, JsonMapper jsonMapper, Submissions submissions,
			ArticleStatuses statuses) {
		this.rules = new DraftRules(properties.maxBodySize().toBytes());
		this.reader = new DraftReader(this.rules, jsonMapper);
		this.submissions = submissions;
		this.statuses = statuses;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Receipt> submitJson(@RequestHeader(name = "Idempotency-Key", required = false) String key,
			HttpServletRequest request) throws IOException {
		checkKey(key);
		Draft draft = this.reader.readJson(readBounded(request));
		return accepted(this.submissions.submitNew(draft, key, request.getRemoteUser()));
	}

	@PostMapping(consumes = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<Receipt> submitText(@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@RequestParam Map<String, String> fields, HttpServletRequest request) throws IOException {
		checkKey(key);
		checkCharset(request);
		Draft draft = this.reader.readText(readBounded(request), fields);
		return accepted(this.submissions.submitNew(draft, key, request.getRemoteUser()));
	}

	@GetMapping("/{id}")
	ResponseEntity<ArticleStatusView> status(@PathVariable String id) {
		return this.statuses.find(id)
			.map(ArticleStatusView::of)
			.map(ResponseEntity::ok)
			.orElseThrow(() -> new ArticleNotFoundException(id));
	}

	private ResponseEntity<Receipt> accepted(IdempotencyKeys.Outcome outcome) {
		SubmittedVersion submitted = outcome.receipt();
		Receipt receipt = new Receipt(submitted.id(), submitted.version(), "RECEIVED",
				statusUrlBase() + submitted.id());
		ResponseEntity.BodyBuilder response = ResponseEntity.accepted().location(URI.create(receipt.statusUrl()));
		if (outcome.replayed()) {
			response.header("Idempotent-Replayed", "true");
		}
		return response.body(receipt);
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

	private static void checkKey(String key) {
		if (key != null && (key.isBlank() || key.length() > MAX_KEY_LENGTH
				|| !key.chars().allMatch((c) -> c > 0x20 && c < 0x7F))) {
			throw new MalformedDraftException(
					"Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters without spaces",
					"Idempotency-Key");
		}
	}

	private static void checkCharset(HttpServletRequest request) {
		// The declared charset, not getCharacterEncoding(): Boot's encoding filter
		// overrides that with UTF-8.
		Charset charset = MediaType.parseMediaType(request.getContentType()).getCharset();
		if (charset != null && !charset.equals(StandardCharsets.UTF_8) && !charset.equals(StandardCharsets.US_ASCII)) {
			throw new UnsupportedCharsetException(charset.name());
		}
	}

	private static String statusUrlBase() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/articles/").toUriString();
	}

	/** No article with this id is known. */
	static class ArticleNotFoundException extends RuntimeException {

		ArticleNotFoundException(String id) {
			super("No article with id '" + id + "' is known");
		}

	}

	/** A text draft in another encoding than UTF-8. */
	static class UnsupportedCharsetException extends RuntimeException {

		UnsupportedCharsetException(String charset) {
			super("Drafts must be UTF-8, not " + charset);
		}

	}

}
