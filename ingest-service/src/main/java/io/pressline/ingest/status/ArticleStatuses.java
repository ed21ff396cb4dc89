package io.pressline.ingest.status;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import io.pressline.event.ArticleStatus;

/**
 * The stage every article has reached, built from the {@code articles.status} topic (read
 * from the beginning by each ingest instance) and from this instance's own submissions,
 * so an editor who asks right after submitting already sees RECEIVED.
 */
@Component
public class ArticleStatuses {

	/** Later versions win; within a version, the later event wins. */
	private static final Comparator<ArticleStatus> PROGRESS = Comparator.comparingInt(ArticleStatus::getVersion)
		.thenComparing(ArticleStatus::getOccurredAt);

	private final Map<String, ArticleStatus> latest = new ConcurrentHashMap<>();

	private final List<Consumer<ArticleStatus>> listeners = new CopyOnWriteArrayList<>();

	/** Takes a status into account; an older one than what is known is ignored. */
	public void record(ArticleStatus status) {
		this.latest.merge(status.getArticleId(), status,
				(known, incoming) -> (PROGRESS.compare(incoming, known) >= 0) ? incoming : known);
		for (Consumer<ArticleStatus> listener : this.listeners) {
			listener.accept(status);
		}
	}

	/**
	 * Tells a listener of every status recorded from now on, older versions' included.
	 */
	public void onRecord(Consumer<ArticleStatus> listener) {
		this.listeners.add(listener);
	}

	public Optional<ArticleStatus> find(String articleId) {
		return Optional.ofNullable(this.latest.get(articleId));
	}

}
