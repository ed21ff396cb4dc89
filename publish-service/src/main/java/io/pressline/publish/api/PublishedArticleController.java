package io.pressline.publish.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import io.pressline.event.ArticlePublished;
import io.pressline.event.json.EventJson;
import io.pressline.platform.web.Problems;
import io.pressline.publish.archive.PublishedArticles;

/**
 * Published articles for sites that read over the web: the latest published version, by
 * id or by slug, as the same JSON as the event. Served from the store built from
 * {@code articles.latest}, so a new instance answers for everything published before it
 * started.
 */
@RestController
@RequestMapping(path = "/api/v1/published", produces = MediaType.APPLICATION_JSON_VALUE)
class PublishedArticleController {

	private final PublishedArticles articles;

	PublishedArticleController(PublishedArticles articles) {
		this.articles = articles;
	}

	@GetMapping("/{id}")
	JsonNode byId(@PathVariable String id) {
		return EventJson.toJson(this.articles.find(id).orElseThrow(() -> notFound(id, "id '" + id + "'")));
	}

	@GetMapping("/by-slug/{slug}")
	JsonNode bySlug(@PathVariable String slug) {
		ArticlePublished article = this.articles.findBySlug(slug)
			.orElseThrow(() -> new NotPublishedException(false, "No live article has the slug '" + slug + "'"));
		return EventJson.toJson(article);
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
