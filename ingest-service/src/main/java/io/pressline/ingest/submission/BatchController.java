package io.pressline.ingest.submission;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import io.pressline.ingest.IngestProperties;
import io.pressline.ingest.version.PipelineUnavailableException;
import io.pressline.platform.draft.DraftRequests;
import io.pressline.platform.web.Problems;

/**
 * Bulk submission, for wire feeds and archive migrations: many new articles in one
 * request, each answered on its own.
 */
@RestController
class BatchController {

	private static final Logger log = LoggerFactory.getLogger(BatchController.class);

	private final BatchReader reader;

	private final Submissions submissions;

	BatchController(DraftRequests drafts, JsonMapper json, IngestProperties properties, Submissions submissions) {
		this.reader = new BatchReader(drafts, json, properties.batch());
		this.submissions = submissions;
	}

	@Operation(summary = "Submit many new articles at once",
			description = "NDJSON (one draft per line) or a JSON array of drafts, each in the JSON form of "
					+ "POST /api/v1/articles with an optional idempotencyKey field. The answer lists every draft in "
					+ "order: its id, version and status URL (status 202), or its RFC 9457 problem document. A "
					+ "refused draft produces nothing; the others are submitted. A batch over the item or byte "
					+ "limit is refused whole with 413.",
			requestBody = @RequestBody(
					content = { @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string")),
							@Content(mediaType = MediaType.APPLICATION_JSON_VALUE) }),
			responses = { @ApiResponse(responseCode = "200", description = "Each draft's receipt or problem"),
					@ApiResponse(responseCode = "413", description = "More drafts or bytes than one batch may have",
							content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
					@ApiResponse(responseCode = "400", description = "The batch cannot be split into drafts",
							content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)) })
	@PostMapping(path = "/api/v1/articles:batch",
			consumes = { "application/x-ndjson", MediaType.APPLICATION_JSON_VALUE },
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<BatchReceipt> submit(HttpServletRequest request) throws IOException {
		List<BatchReader.Item> items = this.reader.read(request);
		List<Submissions.BatchEntry> entries = new ArrayList<>();
		for (BatchReader.Item item : items) {
			if (item.draft() != null) {
				entries.add(new Submissions.BatchEntry(item.draft(), item.idempotencyKey()));
			}
		}
		List<Submissions.BatchOutcome> outcomes = entries.isEmpty() ? List.of()
				: this.submissions.submitBatch(entries, request.getRemoteUser());
		String statusUrlBase = ArticleController.statusUrlBase();
		List<BatchReceipt.ItemResult> results = new ArrayList<>(items.size());
		int next = 0;
		int accepted = 0;
		int replayed = 0;
		for (BatchReader.Item item : items) {
			if (item.draft() == null) {
				results.add(BatchReceipt.ItemResult.refused(item.index(), item.idempotencyKey(), item.problem()));
				continue;
			}
			Submissions.BatchOutcome outcome = outcomes.get(next++);
			if (outcome.refusal() != null) {
				results.add(BatchReceipt.ItemResult.refused(item.index(), item.idempotencyKey(),
						problemOf(outcome.refusal())));
				continue;
			}
			SubmittedVersion version = outcome.outcome().receipt();
			boolean replay = outcome.outcome().replayed();
			accepted++;
			replayed += replay ? 1 : 0;
			results.add(new BatchReceipt.ItemResult(item.index(), item.idempotencyKey(), 202, version.id(),
					version.version(), statusUrlBase + version.id(), replay, null));
		}
		int refused = items.size() - accepted;
		log.info("Batch of {} drafts: {} submitted, {} replayed, {} refused", items.size(), accepted - replayed,
				replayed, refused);
		return ResponseEntity.ok(new BatchReceipt(items.size(), accepted - replayed, replayed, refused, results));
	}

	private static ProblemDetail problemOf(RuntimeException refusal) {
		if (refusal instanceof IdempotencyKeys.KeyReuseException reuse) {
			return ProblemResponses.problemOf(reuse, BatchReader.KEY_FIELD);
		}
		if (refusal instanceof PipelineUnavailableException unavailable) {
			log.error("Drafts of a batch refused because Kafka is unavailable", unavailable);
			return ProblemResponses.problemOf(unavailable);
		}
		// Other drafts of the batch may be submitted already: answer this one alone.
		log.error("A draft of a batch failed", refusal);
		return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "The draft could not be submitted",
				"Retry it with the same idempotencyKey: if it was submitted after all, the answer is its article.");
	}

	/**
	 * The answer to a batch: how many drafts were submitted, answered from an earlier
	 * submission with the same key, or refused, and each draft's result in order.
	 *
	 * @param drafts how many drafts the batch held
	 * @param submitted how many were submitted now
	 * @param replayed how many had been submitted before under the same key
	 * @param refused how many were refused
	 * @param items each draft's result, in the order of the batch
	 */
	record BatchReceipt(int drafts, int submitted, int replayed, int refused, List<ItemResult> items) {

		/**
		 * One draft's result: a receipt like that of {@code POST /api/v1/articles}, or a
		 * problem document.
		 *
		 * @param index its place in the batch, from 0
		 * @param idempotencyKey its key, if it had one
		 * @param status the HTTP status the draft would have had alone: 202, or the
		 * problem's
		 * @param id the article's id, when accepted
		 * @param version the version it became, when accepted
		 * @param statusUrl where to follow it, when accepted
		 * @param replayed whether it was submitted before under the same key
		 * @param problem why it was refused (RFC 9457), when refused
		 */
		@JsonInclude(JsonInclude.Include.NON_NULL)
		record ItemResult(int index, String idempotencyKey, int status, String id, Integer version, String statusUrl,
				Boolean replayed, Map<String, Object> problem) {

			static ItemResult refused(int index, String key, ProblemDetail problem) {
				Map<String, Object> document = new LinkedHashMap<>();
				document.put("type", problem.getType().toString());
				document.put("title", problem.getTitle());
				document.put("status", problem.getStatus());
				document.put("detail", problem.getDetail());
				if (problem.getProperties() != null) {
					document.putAll(problem.getProperties());
				}
				return new ItemResult(index, key, problem.getStatus(), null, null, null, null, document);
			}

		}

	}

}
