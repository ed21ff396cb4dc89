package io.pressline.platform.web;

import java.util.List;
import java.util.Map;

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

import io.pressline.platform.draft.DraftEncodingException;
import io.pressline.platform.draft.DraftTooLargeException;
import io.pressline.platform.draft.FieldError;
import io.pressline.platform.draft.InvalidDraftException;
import io.pressline.platform.draft.MalformedDraftException;

/**
 * Turns a refused draft, in any service, into an RFC 9457
 * {@code application/problem+json} answer that names the field at fault ({@code field},
 * and {@code errors} when there are several), and answers Spring MVC's own refusals as
 * problems too.
 */
@RestControllerAdvice
public class DraftProblems extends ResponseEntityExceptionHandler {

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalid(InvalidDraftException ex) {
		return Problems.respond(problemOf(ex));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> malformed(MalformedDraftException ex) {
		return Problems.respond(problemOf(ex));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooLarge(DraftTooLargeException ex) {
		return Problems.respond(problemOf(ex));
	}

	/**
	 * The problem document of a draft that breaks a rule, also for one draft among many
	 * (an item of a batch).
	 */
	public static ProblemDetail problemOf(InvalidDraftException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-draft",
				"The draft breaks a rule", ex.getMessage());
		List<FieldError> errors = ex.errors();
		problem.setProperty("field", errors.get(0).field());
		problem.setProperty("errors",
				errors.stream().map((e) -> Map.of("field", e.field(), "message", e.message())).toList());
		return problem;
	}

	/** The problem document of bytes that cannot be read as a draft. */
	public static ProblemDetail problemOf(MalformedDraftException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-draft",
				"The request cannot be read as a draft", ex.getMessage());
		if (ex.field() != null) {
			problem.setProperty("field", ex.field());
		}
		return problem;
	}

	/** The problem document of a draft whose body is over the limit. */
	public static ProblemDetail problemOf(DraftTooLargeException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "draft-too-large", "The draft is too large",
				ex.getMessage());
		problem.setProperty("field", "body");
		problem.setProperty("limitBytes", ex.limitBytes());
		return problem;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> encoding(DraftEncodingException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
				"Unsupported media type", ex.getMessage());
		problem.setProperty("field", "Content-Type");
		return Problems.respond(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		// What this endpoint takes: a draft (JSON or text) for most, NDJSON or JSON for a
		// batch.
		List<String> supported = ex.getSupportedMediaTypes().isEmpty()
				? List.of(MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE)
				: ex.getSupportedMediaTypes().stream().map(MediaType::toString).toList();
		ProblemDetail problem = Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
				"Unsupported media type", "Send " + String.join(" or ", supported) + " (UTF-8), not "
						+ ((ex.getContentType() != null) ? ex.getContentType() : "without a Content-Type"));
		problem.setProperty("field", "Content-Type");
		problem.setProperty("supported", supported);
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

}
