package io.pressline.publish.ledger;

/**
 * The states the publisher reads and changes while it decides: what a decision sees
 * includes what earlier decisions of the same transaction changed.
 */
public interface ArticleStates {

	/** The article's state, {@link ArticleState#unknown} if nothing is known of it. */
	ArticleState find(String articleId);

	/** The article's new state, written with the decision and kept once it commits. */
	void put(ArticleState state);

}
