package io.pressline.ingest.desk;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.pressline.ingest.desk.DeskArticles.DeskArticle;
import io.pressline.ingest.desk.DeskArticles.LatestDraft;
import io.pressline.ingest.version.ArticleNotFoundException;
import io.pressline.platform.draft.Draft;
import io.pressline.platform.draft.DraftRequests;
import io.pressline.platform.draft.MalformedDraftException;
import io.pressline.platform.web.Problems;

/**
 * What the desk page needs beyond the submission API: recent articles and their versions,
 * live changes, a draft checked against the submission rules without submitting it, and
 * the enrichment preview.
 */
@RestController
class DeskController {

	private static final Logger log = LoggerFactory.getLogger(DeskController.class);

	private static final int MAX_LIMIT = 500;

	private final DeskArticles articles;

	private final DeskStream stream;

	private final EnrichmentPreviews previews;

	private final DraftRequests drafts;

	DeskController(DeskArticles articles, DeskStream stream, EnrichmentPreviews previews, DraftRequests drafts) {
		this.articles = articles;
		this.stream = stream;
		this.previews = previews;
		this.drafts = drafts;
	}

	/** Recent articles, the most recently active first, each with its versions. */
	@GetMapping("/api/v1/articles")
	List<DeskArticle> recent(@RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new MalformedDraftException("limit must be between 1 and " + MAX_LIMIT, "limit");
		}
		return this.articles.recent(limit);
	}

	/** One article with all its versions. */
	@GetMapping("/api/v1/articles/{id}/versions")
	DeskArticle versions(@PathVariable String id) {
		return this.articles.find(id).orElseThrow(() -> new ArticleNotFoundException(id));
	}

	/** The draft of an article's latest version, to edit into the next one. */
	@GetMapping("/api/v1/articles/{id}/draft")
	LatestDraft latestDraft(@PathVariable String id) {
		return this.articles.latestDraft(id).orElseThrow(() -> new ArticleNotFoundException(id));
	}

	/** Changes to recent articles as they happen, for the desk page. */
	@GetMapping(path = "/api/v1/articles/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events() {
		return this.stream.open();
	}

	/**
	 * Reads and checks a draft exactly as a submission would, without submitting it: the
	 * draft's fields, or the same problem the submission would answer.
	 */
	@PostMapping(path = "/api/v1/drafts/check",
			consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE })
	Draft check(@RequestParam Map<String, String> fields, HttpServletRequest request) throws IOException {
		return this.drafts.read(request, fields);
	}

	/**
	 * What the pipeline will find in a draft: people, organisations and places with their
	 * ids and offsets, quotes, topics, keywords, summary and reading time.
	 */
	@PostMapping(path = "/api/v1/drafts/preview",
			consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE })
	ResponseEntity<byte[]> preview(@RequestParam Map<String, String> fields, HttpServletRequest request)
			throws IOException {
		Draft draft = this.drafts.read(request, fields);
		EnrichmentPreviews.Answer answer = this.previews.preview(draft, fields.get("date"));
		return ResponseEntity.status(answer.status()).contentType(answer.contentType()).body(answer.body());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> previewUnavailable(EnrichmentPreviews.PreviewUnavailableException ex) {
		log.warn("Enrichment preview unavailable: {}", ex.getMessage());
		return Problems.respond(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "preview-unavailable",
				"The enrichment preview is unavailable",
				"The draft is fine and can be submitted; the preview needs enrich-service, which did not answer ("
						+ ex.getMessage() + ")."));
	}

}
