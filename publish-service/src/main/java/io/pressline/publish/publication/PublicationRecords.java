package io.pressline.publish.publication;

import io.pressline.event.ArticlePublished;
import io.pressline.event.ArticleStage;
import io.pressline.event.ArticleSubmitted;
import io.pressline.publish.ledger.ArticleState;

/**
 * The records a decision writes, each keyed by article id. In the service they go to the
 * bindings of {@code application.yml} within the transaction of the version's read (see
 * {@code BindingPublicationRecords}); in tests, to a list.
 */
public interface PublicationRecords {

	/**
	 * An event for downstream sites: on {@code articles.published} and its section's
	 * topic.
	 */
	void published(ArticlePublished event);

	/** The article's new latest state on the compacted {@code articles.latest}. */
	void latest(ArticlePublished event);

	/**
	 * A new edition of the article: the event for downstream sites ({@link #published})
	 * and the same event as its latest state ({@link #latest}), in that order. A writer
	 * that encodes records may encode the event once for all of them.
	 */
	default void edition(ArticlePublished event) {
		published(event);
		latest(event);
	}

	/**
	 * A tombstone on {@code articles.latest}: the article is gone.
	 * @param retraction the event that took it down
	 */
	void removeLatest(ArticlePublished retraction);

	/** The article's new state on the compacted {@code articles.publish-state}. */
	void state(ArticleState state);

	/** Where the version now is, on {@code articles.status}. */
	void status(ArticleSubmitted draft, ArticleStage stage, String reason);

}
