package io.pressline.ingest.submission;

import java.io.IOException;
import java.net.URI;
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
import io.pressline.ingest.status.ArticleStatuses;
import io.pressline.platform.draft.Draft;
import io.pressline.platform.draft.DraftRequests;
import io.pressline.platform.draft.MalformedDraftException;

/** The editors' API for articles. */
@RestController
@RequestMapping("/api/v1/articles")
class ArticleController {

	private static final int MAX_KEY_LENGTH = 255;

	private final DraftRequests drafts;

	private final Submissions submissions;

	private final ArticleStatuses statuses;

	ArticleController(IngestProperties properties, JsonMapper jsonMapper, Submissions submissions,
			ArticleStatuses statuses) {
		this.drafts = new DraftRequests(properties.maxBodySize().toBytes(), jsonMapper);
		this.submissions = submissions;
		this.statuses = statuses;
	}

	@PostMapping(consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE })
	ResponseEntity<Receipt> submit(@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@RequestParam Map<String, String> fields, HttpServletRequest request) throws IOException {
		checkKey(key);
		Draft draft = this.drafts.read(request, fields);
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

	private static void checkKey(String key) {
		if (key != null && (key.isBlank() || key.length() > MAX_KEY_LENGTH
				|| !key.chars().allMatch((c) -> c > 0x20 && c < 0x7F))) {
			throw new MalformedDraftException(
					"Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters without spaces",
					"Idempotency-Key");
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

}
