package io.pressline.publish.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.pressline.platform.web.Problems;
import io.pressline.publish.delivery.WebhookDelivery;

/**
 * For operators setting a site up: sends the site one signed test event and answers with
 * what the site said ({@code accepted}, its status, the start of its answer, or why there
 * was none). Under {@code /api/v1/webhooks/}, so it needs an operator's key.
 */
@RestController
class WebhookTestController {

	private final WebhookDelivery delivery;

	WebhookTestController(WebhookDelivery delivery) {
		this.delivery = delivery;
	}

	@PostMapping(path = "/api/v1/webhooks/sites/{site}/test", produces = MediaType.APPLICATION_JSON_VALUE)
	WebhookDelivery.TestResult test(@PathVariable String site) {
		return this.delivery.sendTest(site);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unknownSite(WebhookDelivery.UnknownSiteException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "unknown-site", "No such site", ex.getMessage());
		problem.setProperty("field", "site");
		return Problems.respond(problem);
	}

}
