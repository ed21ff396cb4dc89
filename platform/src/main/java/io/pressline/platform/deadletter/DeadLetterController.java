package io.pressline.platform.deadletter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.pressline.platform.metrics.KafkaBacklog;
import io.pressline.platform.web.Problems;

/**
 * Dead letters for operators, on every service: which dead-letter topics hold how many
 * records, the latest of them with where they came from and why, and a replay of one
 * record onto the topic it failed on.
 */
@RestController
@RequestMapping("/api/v1/dead-letters")
public class DeadLetterController {

	private final DeadLetters deadLetters;

	private final KafkaBacklog backlog;

	public DeadLetterController(DeadLetters deadLetters, KafkaBacklog backlog) {
		this.deadLetters = deadLetters;
		this.backlog = backlog;
	}

	/** Every dead-letter topic, with its records as last counted (or -1 before that). */
	@GetMapping
	public Map<String, Long> topics() {
		Map<String, Long> depths = new LinkedHashMap<>();
		Map<String, Long> counted = this.backlog.deadLetters();
		for (String topic : this.deadLetters.topics()) {
			depths.put(topic, counted.getOrDefault(topic, -1L));
		}
		return depths;
	}

	/** The latest dead letters of one topic, newest first. */
	@GetMapping("/{topic}")
	public List<DeadLetters.DeadLetter> latest(@PathVariable String topic,
			@RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > 1000) {
			throw new IllegalArgumentException("limit must be between 1 and 1000, not " + limit);
		}
		return this.deadLetters.latest(topic, limit);
	}

	/** Puts one dead letter back on the topic it came from. */
	@PostMapping("/{topic}/{partition}/{offset}/replay")
	public DeadLetters.Replay replay(@PathVariable String topic, @PathVariable int partition,
			@PathVariable long offset) {
		return this.deadLetters.replay(topic, partition, offset);
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ProblemDetail> notFound(IllegalArgumentException ex) {
		return Problems.respond(
				Problems.of(HttpStatus.NOT_FOUND, "dead-letter-not-found", "No such dead letter", ex.getMessage()));
	}

	@ExceptionHandler(IllegalStateException.class)
	ResponseEntity<ProblemDetail> unavailable(IllegalStateException ex) {
		return Problems.respond(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "kafka-unavailable", "Kafka did not answer",
				ex.getMessage()));
	}

}
