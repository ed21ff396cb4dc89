package io.pressline.publish.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import io.pressline.event.ArticlePublished;
import io.pressline.event.json.EventJson;
import io.pressline.platform.web.Problems;
import io.pressline.publish.archive.PublishedArticles;
import io.pressline.publish.ninjs.Ninjs;

/**
 * Published articles for sites that read over the web: the latest published version, by
 * id or by slug, as the same JSON as the event, or as an IPTC ninjs 3.1 document for
 * {@code Accept: application/ninjs+json} or {@code ?format=ninjs}. Served from the store
 * built from {@code articles.latest}, so a new instance answers for everything published
 * before it started.
 */
@RestController
@RequestMapping(path = "/api/v1/published",
		produces = { MediaType.APPLICATION_JSON_VALUE, PublishedArticleController.NINJS_VALUE })
class PublishedArticleController {

	static final String NINJS_VALUE = "application/ninjs+json";

	static final MediaType NINJS = MediaType.parseMediaType(NINJS_VALUE);

	private final PublishedArticles articles;

	PublishedArticleController(PublishedArticles articles) {
		this.articles = articles;
	}

	@GetMapping("/{id}")
	ResponseEntity<JsonNode> byId(@PathVariable String id, @RequestParam(required = false) String format,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		return render(this.articles.find(id).orElseThrow(() -> notFound(id, "id '" + id + "'")), format, accept);
	}

	@GetMapping("/by-slug/{slug}")
	ResponseEntity<JsonNode> bySlug(@PathVariable String slug, @RequestParam(required = false) String format,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		ArticlePublished article = this.articles.findBySlug(slug)
			.orElseThrow(() -> new NotPublishedException(false, "No live article has the slug '" + slug + "'"));
		return render(article, format, accept);
	}

	private static ResponseEntity<JsonNode> render(ArticlePublished article, String format, String accept) {
		if (wantsNinjs(format, accept)) {
			return ResponseEntity.ok().contentType(NINJS).body(Ninjs.document(article));
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(EventJson.toJson(article));
	}

	/**
	 * ninjs when {@code ?format=ninjs}, or when the client's most wanted type of the two
	 * is ninjs; Pressline's JSON otherwise.
	 */
	static boolean wantsNinjs(String format, String accept) {
		if (format != null) {
			return switch (format) {
				case "ninjs" -> true;
				case "json" -> false;
				default -> throw new BadFormatException(format);
			};
		}
		if (accept == null) {
			return false;
		}
		List<MediaType> wanted = new ArrayList<>(MediaType.parseMediaTypes(accept));
		MimeTypeUtils.sortBySpecificity(wanted);
		wanted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
		for (MediaType type : wanted) {
			if (type.getQualityValue() > 0 && NINJS.equalsTypeAndSubtype(type)) {
				return true;
			}
			if (type.getQualityValue() > 0 && MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)) {
				return false;
			}
		}
		return false;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> badFormat(BadFormatException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "bad-format", "No such format", ex.getMessage());
		problem.setProperty("field", "format");
		return Problems.respond(problem);
	}

	/** A {@code format} other than json or ninjs. */
	static class BadFormatException extends RuntimeException {

		BadFormatException(String format) {
			super("format must be json or ninjs, not '" + format + "'");
		}

	}

	private NotPublishedException notFound(String id, String what) {
		if (this.articles.isRetracted(id)) {
			return new NotPublishedException(true, "The article with " + what + " was retracted");
		}
		return new NotPublishedException(false, "No live article has the " + what);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notPublished(NotPublishedException ex) {
		return Problems.respond(ex.retracted
				? Problems.of(HttpStatus.GONE, "article-retracted", "The article was retracted", ex.getMessage())
				: Problems.of(HttpStatus.NOT_FOUND, "article-not-published", "No such published article",
						ex.getMessage()));
	}

	/** Nothing live answers to the id or slug. */
	static class NotPublishedException extends RuntimeException {

		private final boolean retracted;

		NotPublishedException(boolean retracted, String message) {
			super(message);
			this.retracted = retracted;
		}

	}

}
