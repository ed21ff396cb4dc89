package io.pressline.publish.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;
import org.h2.mvstore.type.LongDataType;
import org.h2.mvstore.type.StringDataType;

import org.springframework.util.FileSystemUtils;

import io.pressline.event.ArticlePublished;
import io.pressline.event.PublicationEventType;

/**
 * What is published, per article and per slug, for the read API and the feeds: built by
 * every instance from the whole compacted {@code articles.latest} topic (read from the
 * beginning at start-up, so a new instance knows everything published before it), and the
 * retractions from {@code articles.publish-state}. The publisher does not decide against
 * it: it has its own, partitioned, {@code PublicationLedger}.
 * <p>
 * The articles live in an embedded on-disk store (H2's MVStore, in a temporary file of
 * this instance), not on the heap: a newsroom's archive grows without end, and a heap
 * that holds every article's text runs out. Memory use is the store's page cache (a few
 * MiB). The file is deleted on close; a new instance rebuilds it from the topics.
 */
public class PublishedArticles implements AutoCloseable {

	/** The key prefix of the recency index across all sections. */
	private static final String ALL = "*";

	private static final char SEPARATOR = '\u0000';

	private final Path directory;

	private final MVStore store;

	/** Article id → the latest published event, as Avro single-object bytes. */
	private final MVMap<String, byte[]> articles;

	/** Article id → what the read API and the indexes need, see {@link Indexed}. */
	private final MVMap<String, String> index;

	/** Slug → article id. */
	private final MVMap<String, String> slugs;

	/** section, newest first, id → article id; once per section and once under "*". */
	private final MVMap<String, String> recency;

	/**
	 * Article id → the version that retracted it, learnt from
	 * {@code articles.publish-state} (the tombstone on {@code articles.latest} says only
	 * that the article is gone).
	 */
	private final MVMap<String, Long> retracted;

	/** A store in a new temporary directory, removed on {@link #close()}. */
	public PublishedArticles() {
		this(temporaryDirectory(), 16);
	}

	/**
	 * A store in the given directory (created if missing), which is removed on
	 * {@link #close()}.
	 * @param directory where the store's file goes
	 * @param cacheMegabytes the page cache
	 */
	public PublishedArticles(Path directory, int cacheMegabytes) {
		this.directory = directory;
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the published articles' store in " + directory, ex);
		}
		// The file only lives as long as this instance, so it is compacted less eagerly
		// than the default, and written in bigger chunks: both cut the background
		// writer's work, which the profiler showed at a fifth of the service's CPU.
		this.store = new MVStore.Builder().fileName(directory.resolve("published.mv.db").toString())
			.cacheSize(cacheMegabytes)
			.autoCommitBufferSize(8 * 1024)
			.autoCompactFillRate(50)
			.open();
		this.articles = this.store.openMap("articles",
				new MVMap.Builder<String, byte[]>().keyType(StringDataType.INSTANCE)
					.valueType(ByteArrayDataType.INSTANCE));
		this.index = this.store.openMap("index", strings());
		this.slugs = this.store.openMap("slugs", strings());
		this.recency = this.store.openMap("recency", strings());
		this.retracted = this.store.openMap("retracted",
				new MVMap.Builder<String, Long>().keyType(StringDataType.INSTANCE).valueType(LongDataType.INSTANCE));
	}

	private static MVMap.Builder<String, String> strings() {
		return new MVMap.Builder<String, String>().keyType(StringDataType.INSTANCE).valueType(StringDataType.INSTANCE);
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("pressline-published-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the published articles' store", ex);
		}
	}

	/**
	 * Takes a publication into account; one older than what is known is ignored, a
	 * retraction removes the article.
	 */
	public synchronized void record(ArticlePublished article) {
		String id = article.getArticleId();
		if (article.getEventType() == PublicationEventType.RETRACTED) {
			retract(id, article.getVersion());
			return;
		}
		Indexed known = indexed(id);
		if (known != null && known.version() >= article.getVersion()) {
			// Older, or this version again (an instance reads its own publications back).
			return;
		}
		if (known != null) {
			unindex(id, known);
		}
		Indexed indexed = new Indexed(article.getVersion(), article.getFirstPublishedAt(), article.getPublishedAt(),
				Objects.toString(article.getSection(), ""), article.getSlug());
		this.articles.put(id, bytes(article));
		this.index.put(id, indexed.encode());
		if (!indexed.slug().isEmpty()) {
			this.slugs.put(indexed.slug(), id);
		}
		this.recency.put(recencyKey(indexed.section(), indexed.publishedAt(), id), id);
		this.recency.put(recencyKey(ALL, indexed.publishedAt(), id), id);
	}

	/**
	 * Takes in a retraction: the article is gone, and the read API says so (410) rather
	 * than not knowing it (404), after a restart too.
	 */
	public synchronized void retract(String articleId, int version) {
		this.retracted.merge(articleId, (long) version, Math::max);
		forget(articleId);
	}

	/** Forgets an article, as a tombstone on {@code articles.latest} says. */
	public synchronized void forget(String articleId) {
		Indexed known = indexed(articleId);
		if (known != null) {
			unindex(articleId, known);
			this.articles.remove(articleId);
			this.index.remove(articleId);
		}
	}

	private void unindex(String id, Indexed known) {
		if (!known.slug().isEmpty()) {
			this.slugs.remove(known.slug(), id);
		}
		this.recency.remove(recencyKey(known.section(), known.publishedAt(), id));
		this.recency.remove(recencyKey(ALL, known.publishedAt(), id));
	}

	/** The latest published version of a live article. */
	public Optional<ArticlePublished> find(String articleId) {
		return Optional.ofNullable(this.articles.get(articleId)).map(PublishedArticles::article);
	}

	/** The live article with this slug. */
	public Optional<ArticlePublished> findBySlug(String slug) {
		return Optional.ofNullable(this.slugs.get(slug)).flatMap(this::find);
	}

	/** Whether the article was retracted. */
	public boolean isRetracted(String articleId) {
		return this.retracted.containsKey(articleId);
	}

	/** Live articles, for feeds: the most recently published first. */
	public List<ArticlePublished> recent(String section, int limit) {
		String prefix = ((section != null) ? section : ALL) + SEPARATOR;
		List<ArticlePublished> recent = new ArrayList<>(Math.min(limit, 256));
		Iterator<String> keys = this.recency.keyIterator(prefix);
		while (recent.size() < limit && keys.hasNext()) {
			String key = keys.next();
			if (!key.startsWith(prefix)) {
				break;
			}
			String id = this.recency.get(key);
			if (id != null) {
				find(id).ifPresent(recent::add);
			}
		}
		return recent;
	}

	/** How many live articles the store holds. */
	public int size() {
		return this.index.size();
	}

	@Override
	public void close() {
		this.store.close();
		FileSystemUtils.deleteRecursively(this.directory.toFile());
	}

	private Indexed indexed(String articleId) {
		String encoded = this.index.get(articleId);
		return (encoded != null) ? Indexed.decode(encoded) : null;
	}

	/** Sorts newest first: the time is stored as its distance to the far future. */
	private static String recencyKey(String section, Instant publishedAt, String id) {
		String countdown = Long.toString(Long.MAX_VALUE - publishedAt.toEpochMilli());
		return section + SEPARATOR + "0".repeat(19 - countdown.length()) + countdown + SEPARATOR + id;
	}

	private static byte[] bytes(ArticlePublished article) {
		try {
			ByteBuffer buffer = article.toByteBuffer();
			byte[] bytes = new byte[buffer.remaining()];
			buffer.get(bytes);
			return bytes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot encode article " + article.getArticleId(), ex);
		}
	}

	private static ArticlePublished article(byte[] bytes) {
		try {
			return ArticlePublished.fromByteBuffer(ByteBuffer.wrap(bytes));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("A stored article cannot be read back", ex);
		}
	}

	/**
	 * The small part of an article the read API and the indexes use, stored as one line.
	 */
	private record Indexed(int version, Instant firstPublishedAt, Instant publishedAt, String section, String slug) {

		String encode() {
			return this.version + "\n" + this.firstPublishedAt + "\n" + this.publishedAt + "\n" + this.section + "\n"
					+ this.slug;
		}

		static Indexed decode(String encoded) {
			String[] parts = encoded.split("\n", 5);
			return new Indexed(Integer.parseInt(parts[0]), Instant.parse(parts[1]), Instant.parse(parts[2]), parts[3],
					parts[4]);
		}

	}

}
