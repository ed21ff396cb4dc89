package io.pressline.publish.api;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.pressline.event.ArticlePublished;
import io.pressline.platform.PipelineTopics;
import io.pressline.platform.web.Problems;
import io.pressline.publish.PublishProperties;
import io.pressline.publish.archive.PublishedArticles;
import io.pressline.publish.delivery.DeliveryAttempt;
import io.pressline.publish.delivery.DeliveryLog;
import io.pressline.publish.feed.Feeds;
import io.pressline.publish.stream.EventStreams;
import io.pressline.publish.stream.StreamPosition;

/**
 * Delivery for sites not on Kafka: feeds per section, a live stream of publication
 * events, and the log of webhook deliveries.
 */
@RestController
class DistributionController {

	private static final String ALL = "all";

	private static final int MAX_LIMIT = 500;

	private final PublishedArticles articles;

	private final PublishProperties properties;

	private final Feeds feeds;

	private final EventStreams streams;

	private final DeliveryLog deliveries;

	private final PipelineTopics topics;

	DistributionController(PublishedArticles articles, PublishProperties properties, Feeds feeds, EventStreams streams,
			DeliveryLog deliveries, PipelineTopics topics) {
		this.topics = topics;
		this.articles = articles;
		this.properties = properties;
		this.feeds = feeds;
		this.streams = streams;
		this.deliveries = deliveries;
	}

	/** Atom 1.0 feed of a section's latest articles ({@code all} for every section). */
	@GetMapping(path = "/feeds/{section}.atom", produces = "application/atom+xml;charset=UTF-8")
	String atom(@PathVariable String section, HttpServletRequest request) {
		return this.feeds.atom(section, latest(section), request.getRequestURL().toString());
	}

	/** JSON Feed 1.1 of a section's latest articles ({@code all} for every section). */
	@GetMapping(path = "/feeds/{section}.json", produces = "application/feed+json;charset=UTF-8")
	Map<String, Object> jsonFeed(@PathVariable String section, HttpServletRequest request) {
		return this.feeds.jsonFeed(section, latest(section), request.getRequestURL().toString());
	}

	/**
	 * Publication events as they happen, as Server-Sent Events; {@code Last-Event-ID}
	 * resumes after the event it names.
	 */
	@GetMapping(path = "/api/v1/published/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(@RequestParam(required = false) String section,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
		String topic = (section == null || section.equals(ALL)) ? this.topics.published()
				: this.properties.sectionTopic(known(section));
		StreamPosition resume = (lastEventId == null || lastEventId.isBlank()) ? null
				: StreamPosition.parse(lastEventId);
		return this.streams.open(topic, resume);
	}

	/** The latest webhook delivery attempts, newest first. */
	@GetMapping(path = "/api/v1/webhooks/deliveries", produces = MediaType.APPLICATION_JSON_VALUE)
	List<DeliveryAttempt> deliveries(@RequestParam(required = false) String site,
			@RequestParam(required = false) String articleId, @RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT, "limit");
		}
		return this.deliveries.recent(site, articleId, limit);
	}

	private List<ArticlePublished> latest(String section) {
		return this.articles.recent(section.equals(ALL) ? null : known(section), this.properties.feedSize());
	}

	private String known(String section) {
		if (!this.properties.sections().isEmpty() && !this.properties.sections().contains(section)) {
			throw new UnknownSectionException(section, this.properties.sections());
		}
		return section;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unknownSection(UnknownSectionException ex) {
		return Problems
			.respond(Problems.of(HttpStatus.NOT_FOUND, "unknown-section", "No such section", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> badRequest(BadRequestException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "The request is not valid",
				ex.getMessage());
		problem.setProperty("field", ex.field);
		return Problems.respond(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> badEventId(IllegalArgumentException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "bad-last-event-id",
				"Last-Event-ID is not an id of this stream", ex.getMessage());
		problem.setProperty("field", "Last-Event-ID");
		return Problems.respond(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooMany(EventStreams.TooManyStreamsException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header("Retry-After", "5")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "too-many-streams", "Too many event streams",
					ex.getMessage()));
	}

	static class UnknownSectionException extends RuntimeException {

		UnknownSectionException(String section, List<String> sections) {
			super("There is no section '" + section + "'; the sections are all, " + String.join(", ", sections));
		}

	}

	static class BadRequestException extends RuntimeException {

		private final String field;

		BadRequestException(String message, String field) {
			super(message);
			this.field = field;
		}

	}

}
