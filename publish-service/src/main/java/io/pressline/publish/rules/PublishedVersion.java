package io.pressline.publish.rules;

import java.time.Instant;

/**
 * What the publication rules remember of an article already published.
 *
 * @param version the latest version published (or, once retracted, the retraction's)
 * @param firstPublishedAt when its first version was published
 * @param retracted whether the article was taken down
 */
public record PublishedVersion(int version, Instant firstPublishedAt, boolean retracted) {

	/** An article that is live. */
	public PublishedVersion(int version, Instant firstPublishedAt) {
		this(version, firstPublishedAt, false);
	}

}
