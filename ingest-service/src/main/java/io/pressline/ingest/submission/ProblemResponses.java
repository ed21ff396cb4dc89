package io.pressline.ingest.submission;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.pressline.ingest.version.ArticleNotFoundException;
import io.pressline.ingest.version.ArticleRetractedException;
import io.pressline.ingest.version.PipelineUnavailableException;
import io.pressline.ingest.version.VersionConflictException;
import io.pressline.platform.web.Problems;

/**
 * The ingest service's own refusals as RFC 9457 problems; refused drafts are answered by
 * the platform's {@code DraftProblems}.
 */
@RestControllerAdvice
class ProblemResponses {

	private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

	/** Seconds a client is asked to wait before it retries. */
	private static final String RETRY_AFTER = "5";

	@ExceptionHandler
	ResponseEntity<ProblemDetail> keyReused(IdempotencyKeys.KeyReuseException ex) {
		return Problems.respond(problemOf(ex, "Idempotency-Key"));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unavailable(PipelineUnavailableException ex) {
		log.error("Draft refused because Kafka is unavailable", ex);
		return retryLater(problemOf(ex));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> batchTooLarge(BatchTooLargeException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "batch-too-large", "The batch is too large",
				ex.getMessage());
		problem.setProperty("limitItems", ex.limitItems());
		problem.setProperty("limitBytes", ex.limitBytes());
		return Problems.respond(problem);
	}

	/**
	 * The problem of a key that cannot be used, naming where the key was given: the
	 * header, or a field of a batch item.
	 */
	static ProblemDetail problemOf(IdempotencyKeys.KeyReuseException ex, String field) {
		HttpStatus status = ex.inFlight() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT;
		ProblemDetail problem = Problems.of(status, "idempotency-key-reused", "The Idempotency-Key cannot be used",
				ex.getMessage());
		problem.setProperty("field", field);
		return problem;
	}

	static ProblemDetail problemOf(PipelineUnavailableException ex) {
		return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "pipeline-unavailable",
				"The pipeline cannot take drafts right now",
				"Nothing was submitted. Retry in a moment with the same Idempotency-Key.");
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(ArticleNotFoundException ex) {
		return Problems
			.respond(Problems.of(HttpStatus.NOT_FOUND, "article-not-found", "No such article", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> retracted(ArticleRetractedException ex) {
		return Problems.respond(
				Problems.of(HttpStatus.CONFLICT, "article-retracted", "The article was retracted", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> versionConflict(VersionConflictException ex) {
		log.warn(ex.getMessage());
		return retryLater(Problems.of(HttpStatus.CONFLICT, "version-conflict",
				"Another request is changing this article", ex.getMessage()));
	}

	private static ResponseEntity<ProblemDetail> retryLater(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus())
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
