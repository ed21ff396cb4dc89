package io.pressline.publish.archive;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.pressline.event.ArticlePublished;
import io.pressline.event.PublicationEventType;
import io.pressline.publish.desk.PublishedVersion;

/**
 * What is published, per article and per slug: built from the compacted
 * {@code articles.latest} topic (read from the beginning at start-up, so a new instance
 * knows everything published before it) and from this instance's own publications. It is
 * the desk's memory and the store the read API serves.
 */
@Component
public class PublishedArticles {

	private final Map<String, ArticlePublished> latest = new ConcurrentHashMap<>();

	private final Map<String, String> idsBySlug = new ConcurrentHashMap<>();

	/** Articles retracted since this instance started, with the retraction's version. */
	private final Map<String, ArticlePublished> retracted = new ConcurrentHashMap<>();

	/**
	 * Takes a publication into account; one older than what is known is ignored, a
	 * retraction removes the article.
	 */
	public void record(ArticlePublished article) {
		String id = article.getArticleId();
		if (article.getEventType() == PublicationEventType.RETRACTED) {
			this.retracted.merge(id, article,
					(known, incoming) -> (incoming.getVersion() >= known.getVersion()) ? incoming : known);
			forget(id);
			return;
		}
		ArticlePublished kept = this.latest.merge(id, article,
				(known, incoming) -> (incoming.getVersion() >= known.getVersion()) ? incoming : known);
		if (kept == article && !article.getSlug().isEmpty()) {
			this.idsBySlug.put(article.getSlug(), id);
		}
	}

	/** Forgets an article, as a tombstone on {@code articles.latest} says. */
	public void forget(String articleId) {
		ArticlePublished removed = this.latest.remove(articleId);
		if (removed != null) {
			this.idsBySlug.remove(removed.getSlug(), articleId);
		}
	}

	/** The latest published version of a live article. */
	public Optional<ArticlePublished> find(String articleId) {
		return Optional.ofNullable(this.latest.get(articleId));
	}

	/** The live article with this slug. */
	public Optional<ArticlePublished> findBySlug(String slug) {
		return Optional.ofNullable(this.idsBySlug.get(slug)).flatMap(this::find);
	}

	/** Whether this instance saw the article retracted. */
	public boolean isRetracted(String articleId) {
		return this.retracted.containsKey(articleId);
	}

	/** The desk's view of an article: its latest published version, or its retraction. */
	public Optional<PublishedVersion> publishedVersion(String articleId) {
		ArticlePublished gone = this.retracted.get(articleId);
		if (gone != null) {
			return Optional.of(new PublishedVersion(gone.getVersion(), gone.getFirstPublishedAt(), true));
		}
		return find(articleId).map((a) -> new PublishedVersion(a.getVersion(), a.getFirstPublishedAt()));
	}

	/** Live articles, for feeds: the most recently published first. */
	public List<ArticlePublished> recent(String section, int limit) {
		return this.latest.values()
			.stream()
			.filter((a) -> section == null || section.equals(a.getSection()))
			.sorted(Comparator.comparing(ArticlePublished::getPublishedAt).reversed())
			.limit(limit)
			.toList();
	}

}
