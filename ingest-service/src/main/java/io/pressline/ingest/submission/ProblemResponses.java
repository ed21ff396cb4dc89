package io.pressline.ingest.submission;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.pressline.ingest.draft.DraftTooLargeException;
import io.pressline.ingest.draft.FieldError;
import io.pressline.ingest.draft.InvalidDraftException;
import io.pressline.ingest.draft.MalformedDraftException;

/**
 * Turns every refusal into an RFC 9457 {@code application/problem+json} answer that names
 * the field at fault ({@code field}, and {@code errors} when there are several).
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

	static final String TYPE_PREFIX = "urn:pressline:problem:";

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalid(InvalidDraftException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-draft", "The draft breaks a rule",
				ex.getMessage());
		List<FieldError> errors = ex.errors();
		problem.setProperty("field", errors.get(0).field());
		problem.setProperty("errors",
				errors.stream().map((e) -> Map.of("field", e.field(), "message", e.message())).toList());
		return respond(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> malformed(MalformedDraftException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed-draft",
				"The request cannot be read as a draft", ex.getMessage());
		if (ex.field() != null) {
			problem.setProperty("field", ex.field());
		}
		return respond(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooLarge(DraftTooLargeException ex) {
		ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "draft-too-large", "The draft is too large",
				ex.getMessage());
		problem.setProperty("field", "body");
		problem.setProperty("limitBytes", ex.limitBytes());
		return respond(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> keyReused(IdempotencyKeys.KeyReuseException ex) {
		HttpStatus status = ex.inFlight() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT;
		ProblemDetail problem = problem(status, "idempotency-key-reused", "The Idempotency-Key cannot be used",
				ex.getMessage());
		problem.setProperty("field", "Idempotency-Key");
		return respond(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unavailable(Submissions.PipelineUnavailableException ex) {
		log.error("Draft refused because Kafka is unavailable", ex);
		ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "pipeline-unavailable",
				"The pipeline cannot take drafts right now",
				"Nothing was submitted. Retry in a moment with the same Idempotency-Key.");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(ArticleController.ArticleNotFoundException ex) {
		return respond(problem(HttpStatus.NOT_FOUND, "article-not-found", "No such article", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> charset(ArticleController.UnsupportedCharsetException ex) {
		ProblemDetail problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
				"Unsupported media type", ex.getMessage());
		problem.setProperty("field", "Content-Type");
		return respond(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
				"Unsupported media type", "Send the draft as application/json or text/plain (UTF-8), not "
						+ ((ex.getContentType() != null) ? ex.getContentType() : "without a Content-Type"));
		problem.setProperty("field", "Content-Type");
		problem.setProperty("supported", List.of(MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE));
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_PREFIX + type));
		problem.setTitle(title);
		return problem;
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
