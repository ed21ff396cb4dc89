package io.pressline.publish.desk;

import java.time.Instant;

/**
 * What the desk remembers of an article it has published.
 *
 * @param version the latest published version
 * @param firstPublishedAt when its first version was published
 */
public record PublishedVersion(int version, Instant firstPublishedAt) {
}
