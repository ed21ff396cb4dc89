package io.pressline.publish.delivery;

import java.time.Instant;

/**
 * One attempt to deliver an event to a site, as the delivery log keeps it.
 *
 * @param site the site's name
 * @param articleId the article
 * @param version the article version the event carries
 * @param eventType PUBLISHED, UPDATED, CORRECTED or RETRACTED
 * @param attempt 1 for the first attempt
 * @param outcome what came of it
 * @param httpStatus the site's answer, or {@code null} when there was none
 * @param error why it failed, or {@code null}
 * @param at when the attempt ended
 */
public record DeliveryAttempt(String site, String articleId, int version, String eventType, int attempt,
		Outcome outcome, Integer httpStatus, String error, Instant at) {

	/** What came of an attempt. */
	public enum Outcome {

		/** The site answered 2xx. */
		DELIVERED,

		/** It failed and will be tried again. */
		RETRYING,

		/** It failed for the last time; the event went to the dead-letter topic. */
		DEAD

	}

}
