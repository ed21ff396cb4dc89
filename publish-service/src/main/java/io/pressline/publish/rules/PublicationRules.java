package io.pressline.publish.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.pressline.event.ArticleSubmitted;
import io.pressline.event.PublicationEventType;
import io.pressline.event.SubmissionAction;

/**
 * The editorial rules applied before an article version is released, in this order: a
 * version no newer than what was published (or of a retracted article) is ignored; a
 * retraction takes the article down; a version in an unknown section or missing a
 * required field is rejected; a version under legal hold or embargo is held; anything
 * else is published, as a correction when it carries a note. Plain Java; the clock is
 * passed in.
 */
public final class PublicationRules {

	private final RuleSettings rules;

	public PublicationRules(RuleSettings rules) {
		this.rules = rules;
	}

	/**
	 * Decides what to do with a version.
	 * @param draft the version as submitted
	 * @param published what was published of this article so far, if anything
	 * @param now the current time
	 */
	public Decision decide(ArticleSubmitted draft, Optional<PublishedVersion> published, Instant now) {
		if (published.isPresent() && published.get().retracted()) {
			return new Decision.Ignore("the article was retracted in version " + published.get().version());
		}
		if (published.isPresent() && published.get().version() >= draft.getVersion()) {
			return new Decision.Ignore("version " + draft.getVersion() + " is not newer than published version "
					+ published.get().version());
		}
		if (draft.getAction() == SubmissionAction.RETRACT) {
			return new Decision.Retract(published.isPresent());
		}
		String section = section(draft);
		List<String> broken = new ArrayList<>();
		if (!this.rules.knows(section)) {
			broken.add("section '" + section + "' is not one of " + String.join(", ", this.rules.sections()));
		}
		for (String field : this.rules.requiredFields().stream().sorted().toList()) {
			if (missing(draft, field)) {
				broken.add(field + " is required before publication");
			}
		}
		if (!broken.isEmpty()) {
			return new Decision.Reject(String.join("; ", broken));
		}
		if (draft.getLegalHold()) {
			return new Decision.Hold("on legal hold: submit a version without the hold once it is cleared", null);
		}
		Instant embargo = draft.getEmbargoUntil();
		if (embargo != null && embargo.isAfter(now)) {
			return new Decision.Hold("embargoed until " + embargo, embargo);
		}
		if (published.isEmpty()) {
			return new Decision.Publish(PublicationEventType.PUBLISHED, now, section);
		}
		PublicationEventType type = (draft.getNote() != null) ? PublicationEventType.CORRECTED
				: PublicationEventType.UPDATED;
		return new Decision.Publish(type, published.get().firstPublishedAt(), section);
	}

	/** The section a version is published in: its own, or the default one. */
	public String section(ArticleSubmitted draft) {
		return (draft.getSection() != null) ? draft.getSection() : this.rules.defaultSection();
	}

	private static boolean missing(ArticleSubmitted draft, String field) {
		return switch (field) {
			case "byline" -> draft.getByline() == null;
			case "section" -> draft.getSection() == null;
			case "language" -> draft.getLanguage() == null;
			default -> false;
		};
	}

}
