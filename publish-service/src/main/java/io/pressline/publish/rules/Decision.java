package io.pressline.publish.rules;

import java.time.Instant;

import io.pressline.event.PublicationEventType;

/** What the publication rules decided to do with an article version. */
public sealed interface Decision {

	/**
	 * Publish it now.
	 *
	 * @param eventType PUBLISHED for the first publication, UPDATED or CORRECTED for a
	 * later version
	 * @param firstPublishedAt when the article was first published (now, for a first
	 * publication)
	 * @param section the section it is published in
	 */
	record Publish(PublicationEventType eventType, Instant firstPublishedAt, String section) implements Decision {
	}

	/**
	 * Hold it back; the editor sees the reason in the article's status.
	 *
	 * @param reason why, in an editor's words
	 * @param releaseAt when it is to be released by itself (the end of an embargo), or
	 * {@code null} when it waits for a new version (a legal hold)
	 */
	record Hold(String reason, Instant releaseAt) implements Decision {
	}

	/**
	 * Refuse it: it breaks a rule that a new version must fix.
	 *
	 * @param reason which rule, in an editor's words
	 */
	record Reject(String reason) implements Decision {
	}

	/**
	 * Take the article down.
	 *
	 * @param published whether anything of it was published, so that downstream sites
	 * must be told
	 */
	record Retract(boolean published) implements Decision {
	}

	/**
	 * Publish nothing: a re-enrichment found what the published version already says.
	 *
	 * @param publishedVersion the version that stays published
	 */
	record Unchanged(int publishedVersion) implements Decision {
	}

	/**
	 * Ignore it: it is already superseded.
	 *
	 * @param reason why, for the log
	 */
	record Ignore(String reason) implements Decision {
	}

}
