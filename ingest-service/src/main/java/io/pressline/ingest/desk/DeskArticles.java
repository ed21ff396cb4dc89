package io.pressline.ingest.desk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
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
import io.pressline.platform.status.StageReporter;

/**
 * The editors' desk's view of recent articles: for each, its latest versions the pipeline
 * has seen with their headlines and the stage each reached. Built from what this instance
 * submits and from {@code articles.submitted} and {@code articles.status} read back, so
 * every instance shows every editor's work. Keeps the most recently active articles only,
 * a set number of versions of each, and the draft of each article's latest version, so an
 * editor can start the next one from it. A draft can be half a megabyte, so the drafts
 * are kept in a map given to it (on disk in the service), the rest on the heap.
 */
public class DeskArticles {

	private final int capacity;

	private final int versionsPerArticle;

	/**
	 * Article id → the latest draft of the articles kept, as its Avro-encoded
	 * {@code ArticleSubmitted}.
	 */
	private final Map<String, byte[]> drafts;

	/** In order of activity, the least recently active first. */
	private final Map<String, Entry> articles = new LinkedHashMap<>();

	private final List<Consumer<DeskArticle>> listeners = new CopyOnWriteArrayList<>();

	/**
	 * A desk view.
	 * @param capacity how many articles it keeps; the least recently active go first
	 * @param versionsPerArticle how many of each article's latest versions it keeps
	 * @param drafts where the latest drafts are kept
	 */
	public DeskArticles(int capacity, int versionsPerArticle, Map<String, byte[]> drafts) {
		if (capacity < 1 || versionsPerArticle < 1) {
			throw new IllegalArgumentException("capacity and versionsPerArticle must be at least 1");
		}
		this.capacity = capacity;
		this.versionsPerArticle = versionsPerArticle;
		this.drafts = drafts;
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
			if (!retraction && entry.draftVersion <= event.getVersion()) {
				entry.draftVersion = event.getVersion();
				entry.section = event.getSection();
				this.drafts.put(event.getArticleId(), encode(event));
			}
			entry.touched = later(entry.touched, event.getSubmittedAt());
			entry.trim(this.versionsPerArticle);
			changed = entry.view(event.getArticleId());
			evict();
		}
		notify(changed);
	}

	/**
	 * Learns the stage a version reached; an older report than what is known is ignored.
	 */
	public void status(ArticleStatus status) {
		if (StageReporter.unchangedByReenrichment(status)) {
			// The archive's replay found nothing new: no editor's work to show.
			return;
		}
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
			entry.trim(this.versionsPerArticle);
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
		return Optional.ofNullable(this.drafts.get(id)).map(DeskArticles::decode).map(LatestDraft::of);
	}

	/** How many articles the desk keeps now. */
	public synchronized int size() {
		return this.articles.size();
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
			this.drafts.remove(oldest.next());
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

		static LatestDraft of(ArticleSubmitted event) {
			return new LatestDraft(event.getVersion(), event.getHeadline(), event.getBody(), event.getByline(),
					event.getSection(), event.getLanguage());
		}

	}

	private static byte[] encode(ArticleSubmitted event) {
		try {
			ByteBuffer buffer = event.toByteBuffer();
			byte[] bytes = new byte[buffer.remaining()];
			buffer.get(bytes);
			return bytes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot encode the draft of article " + event.getArticleId(), ex);
		}
	}

	private static ArticleSubmitted decode(byte[] bytes) {
		try {
			return ArticleSubmitted.fromByteBuffer(ByteBuffer.wrap(bytes));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("A stored draft cannot be read back", ex);
		}
	}

	private static final class Entry {

		private final TreeMap<Integer, Version> versions = new TreeMap<>();

		/** The version of the kept draft, 0 while there is none. */
		private int draftVersion;

		private String section;

		private Instant touched = Instant.EPOCH;

		Version version(int number) {
			return this.versions.computeIfAbsent(number, (n) -> new Version());
		}

		/** Drops the oldest versions beyond the limit. */
		void trim(int limit) {
			while (this.versions.size() > limit) {
				this.versions.pollFirstEntry();
			}
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
			return new DeskArticle(id, headline, this.section, latest.version(), latest.stage(), latest.reason(),
					this.touched, List.copyOf(list));
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
