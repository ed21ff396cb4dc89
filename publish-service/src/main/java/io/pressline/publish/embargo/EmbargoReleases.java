package io.pressline.publish.embargo;

import io.pressline.event.ArticleEnriched;

/**
 * Where a held version goes once its embargo ends: to {@code articles.releases}, from
 * which the publisher reads it again, beside {@code articles.enriched}.
 */
@FunctionalInterface
public interface EmbargoReleases {

	/**
	 * Offers the held version to the publisher again.
	 * @throws RuntimeException when it could not be written; the timer tries again
	 */
	void release(ArticleEnriched held);

}
