package io.pressline.ingest.desk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.pressline.event.ArticleStatus;
import io.pressline.event.ArticleSubmitted;
import io.pressline.event.SubmissionAction;

/**
 * The editors' desk's view of recent articles: for each, every version the pipeline has
 * seen with its headline and the stage it reached. Built from what this instance submits
 * and from {@code articles.submitted} and {@code articles.status} read back, so every
 * instance shows every editor's work. Keeps the most recently active articles only, and
 * the draft of each article's latest version, so an editor can start the next one from
 * it.
 */
public class DeskArticles {

	private final int capacity;

	/** In order of activity, the least recently active first. */
	private final Map<String, Entry> articles = new LinkedHashMap<>();

	private final List<Consumer<DeskArticle>> listeners = new CopyOnWriteArrayList<>();

	/**
	 * A desk view.
	 * @param capacity how many articles it keeps; the least recently active go first
	 */
	public DeskArticles(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1");
		}
		this.capacity = capacity;
	}

	/** Learns a version as it was submitted. */
	public void submitted(ArticleSubmitted event) {
		DeskArticle changed;
		synchronized (this) {
			Entry entry = entry(event.getArticleId());
			Version version = entry.version(event.getVersion());
			boolean retraction = event.getAction() == SubmissionAction.RETRACT;
			version.retraction = retraction;
			version.headline = retraction ? null : event.getHeadline();
			version.note = event.getNote();
			version.submittedAt = event.getSubmittedAt();
			if (version.stage == null) {
				version.stage = "RECEIVED";
				version.updatedAt = event.getSubmittedAt();
			}
			if (!retraction && (entry.draft == null || entry.draft.version() <= event.getVersion())) {
				entry.draft = new LatestDraft(event.getVersion(), event.getHeadline(), event.getBody(),
						event.getByline(), event.getSection(), event.getLanguage());
			}
			entry.touched = later(entry.touched, event.getSubmittedAt());
			changed = entry.view(event.getArticleId());
			evict();
		}
		notify(changed);
	}

	/**
	 * Learns the stage a version reached; an older report than what is known is ignored.
	 */
	public void status(ArticleStatus status) {
		DeskArticle changed;
		synchronized (this) {
			Entry entry = entry(status.getArticleId());
			Version version = entry.version(status.getVersion());
			if (version.updatedAt != null && status.getOccurredAt().isBefore(version.updatedAt)
					&& version.stage != null) {
				return;
			}
			version.stage = status.getStage().name();
			version.reason = status.getReason();
			version.updatedAt = status.getOccurredAt();
			if (version.submittedAt == null) {
				version.submittedAt = status.getSubmittedAt();
			}
			entry.touched = later(entry.touched, status.getOccurredAt());
			changed = entry.view(status.getArticleId());
			evict();
		}
		notify(changed);
	}

	/** The most recently active articles, newest first. */
	public synchronized List<DeskArticle> recent(int limit) {
		return this.articles.entrySet()
			.stream()
			.sorted(Comparator.comparing((Map.Entry<String, Entry> e) -> e.getValue().touched).reversed())
			.limit(limit)
			.map((e) -> e.getValue().view(e.getKey()))
			.toList();
	}

	public synchronized Optional<DeskArticle> find(String id) {
		Entry entry = this.articles.get(id);
		return Optional.ofNullable(entry).map((e) -> e.view(id));
	}

	/** The draft of an article's latest version, to start the next version from. */
	public synchronized Optional<LatestDraft> latestDraft(String id) {
		return Optional.ofNullable(this.articles.get(id)).map((e) -> e.draft);
	}

	/**
	 * Tells a listener of every change from now on, on the thread that made it.
	 * @return what stops the telling
	 */
	public Runnable subscribe(Consumer<DeskArticle> listener) {
		this.listeners.add(listener);
		return () -> this.listeners.remove(listener);
	}

	/** The article's entry, moved to the end of the order: the most recently active. */
	private Entry entry(String id) {
		Entry entry = this.articles.remove(id);
		if (entry == null) {
			entry = new Entry();
		}
		this.articles.put(id, entry);
		return entry;
	}

	/** Drops the least recently active articles, first in the order. */
	private void evict() {
		Iterator<String> oldest = this.articles.keySet().iterator();
		while (this.articles.size() > this.capacity) {
			oldest.next();
			oldest.remove();
		}
	}

	private void notify(DeskArticle article) {
		for (Consumer<DeskArticle> listener : this.listeners) {
			listener.accept(article);
		}
	}

	private static Instant later(Instant a, Instant b) {
		return (a == null || (b != null && b.isAfter(a))) ? b : a;
	}

	/**
	 * One article as the desk shows it.
	 *
	 * @param id the article's id
	 * @param headline the headline of its latest version that has one
	 * @param section its desk, if the latest draft names one
	 * @param version its latest version
	 * @param stage the stage its latest version reached
	 * @param reason why the latest version is held or rejected, if it is
	 * @param updatedAt when anything last happened to it
	 * @param versions every version seen, oldest first
	 */
	public record DeskArticle(String id, String headline, String section, int version, String stage, String reason,
			Instant updatedAt, List<DeskVersion> versions) {
	}

	/**
	 * One version of an article.
	 *
	 * @param version its number
	 * @param kind NEW, UPDATE, CORRECTION or RETRACTION
	 * @param headline its headline, when its submission has been seen
	 * @param note the correction note or retraction reason
	 * @param stage the stage it reached
	 * @param reason why it is held or rejected
	 * @param submittedAt when it was submitted
	 * @param updatedAt when it reached the stage
	 */
	public record DeskVersion(int version, String kind, String headline, String note, String stage, String reason,
			Instant submittedAt, Instant updatedAt) {
	}

	/** The draft of an article's latest version. */
	public record LatestDraft(int version, String headline, String body, String byline, String section,
			String language) {
	}

	private static final class Entry {

		private final TreeMap<Integer, Version> versions = new TreeMap<>();

		private LatestDraft draft;

		private Instant touched = Instant.EPOCH;

		Version version(int number) {
			return this.versions.computeIfAbsent(number, (n) -> new Version());
		}

		DeskArticle view(String id) {
			List<DeskVersion> list = new ArrayList<>();
			String headline = null;
			for (Map.Entry<Integer, Version> e : this.versions.entrySet()) {
				Version v = e.getValue();
				list.add(new DeskVersion(e.getKey(), v.kind(e.getKey()), v.headline, v.note, v.stage, v.reason,
						v.submittedAt, v.updatedAt));
				if (v.headline != null && !v.retraction) {
					headline = v.headline;
				}
			}
			DeskVersion latest = list.get(list.size() - 1);
			return new DeskArticle(id, headline, (this.draft != null) ? this.draft.section() : null, latest.version(),
					latest.stage(), latest.reason(), this.touched, List.copyOf(list));
		}

	}

	private static final class Version {

		private boolean retraction;

		private String headline;

		private String note;

		private String stage;

		private String reason;

		private Instant submittedAt;

		private Instant updatedAt;

		String kind(int number) {
			if (this.retraction) {
				return "RETRACTION";
			}
			if (number == 1) {
				return "NEW";
			}
			return (this.note != null) ? "CORRECTION" : "UPDATE";
		}

	}

}
