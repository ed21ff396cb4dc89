package io.pressline.publish.desk;

import java.time.Instant;
import java.util.Optional;

import io.pressline.event.ArticleSubmitted;
import io.pressline.event.PublicationEventType;

/**
 * The editorial rules applied before an article version is released: an embargoed version
 * is held, a version no newer than the one already published is ignored, anything else is
 * published. Plain Java; the clock is passed in.
 */
public final class EditorialDesk {

	/**
	 * Decides what to do with a version.
	 * @param draft the version as submitted
	 * @param published what was published of this article so far, if anything
	 * @param now the current time
	 */
	public Decision decide(ArticleSubmitted draft, Optional<PublishedVersion> published, Instant now) {
		if (published.isPresent() && published.get().version() >= draft.getVersion()) {
			return new Decision.Ignore("version " + draft.getVersion() + " is not newer than published version "
					+ published.get().version());
		}
		Instant embargo = draft.getEmbargoUntil();
		if (embargo != null && embargo.isAfter(now)) {
			return new Decision.Hold("embargoed until " + embargo);
		}
		return published
			.map((previous) -> new Decision.Publish(PublicationEventType.UPDATED, previous.firstPublishedAt()))
			.orElseGet(() -> new Decision.Publish(PublicationEventType.PUBLISHED, now));
	}

}
