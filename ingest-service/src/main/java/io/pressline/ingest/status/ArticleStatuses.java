package io.pressline.ingest.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.pressline.event.ArticleStatus;
import io.pressline.ingest.store.InstanceStore;

/**
 * The stage every article has reached, built from the {@code articles.status} topic (read
 * from the beginning by each ingest instance) and from this instance's own submissions,
 * so an editor who asks right after submitting already sees RECEIVED. Every article of
 * the archive is in it, so it lives in the instance's on-disk store, not on the heap.
 */
public class ArticleStatuses {

	/** Later versions win; within a version, the later event wins. */
	private static final Comparator<ArticleStatus> PROGRESS = Comparator.comparingInt(ArticleStatus::getVersion)
		.thenComparing(ArticleStatus::getOccurredAt);

	/** Article id → its latest status, Avro single-object encoded. */
	private final Map<String, byte[]> latest;

	private final List<Consumer<ArticleStatus>> listeners = new CopyOnWriteArrayList<>();

	public ArticleStatuses(InstanceStore store) {
		this.latest = store.events("statuses");
	}

	/** Takes a status into account; an older one than what is known is ignored. */
	public void record(ArticleStatus status) {
		synchronized (this) {
			ArticleStatus known = find(status.getArticleId()).orElse(null);
			if (known == null || PROGRESS.compare(status, known) >= 0) {
				this.latest.put(status.getArticleId(), encode(status));
			}
		}
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
		return Optional.ofNullable(this.latest.get(articleId)).map(ArticleStatuses::decode);
	}

	/** How many articles the view knows. */
	public int size() {
		return this.latest.size();
	}

	private static byte[] encode(ArticleStatus status) {
		try {
			ByteBuffer buffer = status.toByteBuffer();
			byte[] bytes = new byte[buffer.remaining()];
			buffer.get(bytes);
			return bytes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot encode the status of article " + status.getArticleId(), ex);
		}
	}

	private static ArticleStatus decode(byte[] bytes) {
		try {
			return ArticleStatus.fromByteBuffer(ByteBuffer.wrap(bytes));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("A stored status cannot be read back", ex);
		}
	}

}
