package io.pressline.publish.publication;

import io.pressline.event.ArticlePublished;

/**
 * What became of one version the publisher was offered.
 *
 * @param kind what was done
 * @param event the event sent to downstream sites, for {@link Kind#PUBLISHED} and a
 * {@link Kind#RETRACTED} of a published article; otherwise {@code null}
 */
public record Outcome(Kind kind, ArticlePublished event) {

	static Outcome of(Kind kind) {
		return new Outcome(kind, null);
	}

	/** What the publisher did with a version. */
	public enum Kind {

		/** Published, updated or corrected. */
		PUBLISHED,

		/** Held back by an embargo or a legal hold. */
		HELD,

		/** Refused by a rule. */
		REJECTED,

		/** Taken down. */
		RETRACTED,

		/**
		 * A re-enrichment that found what the published version says: nothing goes to
		 * sites.
		 */
		UNCHANGED,

		/** Superseded already, or a release of a version no longer held. */
		IGNORED

	}

}
