package io.pressline.ingest.reenrichment;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.pressline.platform.web.Problems;

/**
 * The operators' handle on the re-enrichment of the archive (operator key, like the rest
 * of {@code /api/v1/ops}): start a run, stop it, resume it, see where it is.
 */
@RestController
class ReenrichmentController {

	private static final String PATH = "/api/v1/ops/reenrichment";

	private final ArchiveReplay replay;

	ReenrichmentController(ArchiveReplay replay) {
		this.replay = replay;
	}

	/** Starts a new run over every published article, as they are now. */
	@PostMapping(PATH)
	ResponseEntity<ReenrichmentProgress> start() {
		return ResponseEntity.accepted().body(this.replay.start());
	}

	/** Goes on with a stopped or interrupted run from its position. */
	@PostMapping(PATH + "/resume")
	ResponseEntity<ReenrichmentProgress> resume() {
		return ResponseEntity.accepted().body(this.replay.resume());
	}

	/** Stops the run on this instance; its position is kept. */
	@DeleteMapping(PATH)
	ReenrichmentProgress stop() {
		return this.replay.stop();
	}

	@GetMapping(PATH)
	ReenrichmentProgress progress() {
		return this.replay.progress();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> busy(ReenrichmentBusyException ex) {
		return Problems.respond(Problems.of(HttpStatus.CONFLICT, "reenrichment-busy",
				"The re-enrichment cannot do that now", ex.getMessage()));
	}

}
