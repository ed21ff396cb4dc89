package io.pressline.publish.desk;

import java.time.Instant;

import io.pressline.event.PublicationEventType;

/** What the desk decided to do with an article version. */
public sealed interface Decision {

	/**
	 * Publish it now.
	 *
	 * @param eventType PUBLISHED for the first publication, UPDATED for a later version
	 * @param firstPublishedAt when the article was first published (now, for a first
	 * publication)
	 */
	record Publish(PublicationEventType eventType, Instant firstPublishedAt) implements Decision {
	}

	/**
	 * Hold it back; the editor sees the reason in the article's status.
	 *
	 * @param reason why, in an editor's words
	 */
	record Hold(String reason) implements Decision {
	}

	/**
	 * Ignore it: it is already superseded.
	 *
	 * @param reason why, for the log
	 */
	record Ignore(String reason) implements Decision {
	}

}
