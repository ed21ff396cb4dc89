package io.pressline.publish.archive;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.pressline.event.ArticlePublished;
import io.pressline.publish.desk.PublishedVersion;

/**
 * What has been published, per article: built from the compacted {@code articles.latest}
 * topic (read from the beginning at start-up, so a new instance knows everything
 * published before it) and from this instance's own publications.
 */
@Component
public class PublishedArticles {

	private final Map<String, ArticlePublished> latest = new ConcurrentHashMap<>();

	/** Takes a publication into account; one older than what is known is ignored. */
	public void record(ArticlePublished article) {
		this.latest.merge(article.getArticleId(), article,
				(known, incoming) -> (incoming.getVersion() >= known.getVersion()) ? incoming : known);
	}

	public Optional<ArticlePublished> find(String articleId) {
		return Optional.ofNullable(this.latest.get(articleId));
	}

	/** The desk's view of an article: its latest published version, if any. */
	public Optional<PublishedVersion> publishedVersion(String articleId) {
		return find(articleId).map((a) -> new PublishedVersion(a.getVersion(), a.getFirstPublishedAt()));
	}

}
