package io.pressline.ingest.submission;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.pressline.ingest.status.ArticleStatuses;
import io.pressline.ingest.version.ArticleNotFoundException;
import io.pressline.platform.draft.Draft;
import io.pressline.platform.draft.DraftRequests;
import io.pressline.platform.draft.MalformedDraftException;

/** The editors' API for articles. */
@RestController
@RequestMapping("/api/v1/articles")
class ArticleController {

	private static final int MAX_REASON_LENGTH = 2000;

	private final DraftRequests drafts;

	private final Submissions submissions;

	private final ArticleStatuses statuses;

	ArticleController(DraftRequests drafts, Submissions submissions, ArticleStatuses statuses) {
		this.drafts = drafts;
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

	/**
	 * The next version of an article, as a whole draft in the same forms as a new one;
	 * with a {@code note} it is a correction. Whether the article exists is decided with
	 * its version number, after the draft is read.
	 */
	@PutMapping(path = "/{id}", consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE })
	ResponseEntity<Receipt> update(@PathVariable String id,
			@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@RequestParam Map<String, String> fields, HttpServletRequest request) throws IOException {
		checkKey(key);
		Draft draft = this.drafts.read(request, fields);
		return accepted(this.submissions.submitVersion(id, draft, key, request.getRemoteUser()));
	}

	/**
	 * Takes an article down: a RETRACTED event, and its removal from the latest state.
	 */
	@DeleteMapping("/{id}")
	ResponseEntity<Receipt> retract(@PathVariable String id,
			@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@RequestParam(name = "reason", required = false) String reason, HttpServletRequest request) {
		checkKey(key);
		if (reason != null && reason.length() > MAX_REASON_LENGTH) {
			throw new MalformedDraftException("reason must be at most " + MAX_REASON_LENGTH + " characters", "reason");
		}
		String cleanReason = (reason == null || reason.isBlank()) ? null : reason.strip();
		return accepted(this.submissions.retract(id, cleanReason, key, request.getRemoteUser()));
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
		IdempotencyKeys.requireValid(key, "Idempotency-Key");
	}

	static String statusUrlBase() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/articles/").toUriString();
	}

}
