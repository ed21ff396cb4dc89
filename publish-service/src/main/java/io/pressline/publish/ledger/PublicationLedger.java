package io.pressline.publish.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;
import org.h2.mvstore.type.LongDataType;
import org.h2.mvstore.type.StringDataType;

import org.springframework.util.FileSystemUtils;

import io.pressline.event.PublicationState;

/**
 * This instance's copy of {@code articles.publish-state} for the partitions it owns: the
 * {@link ArticleState} of every article on them, which the publisher decides against. A
 * partition's copy is read from the topic when the partition is assigned (see
 * {@link PartitionOwnership}) and changed only after a decision's transaction commits
 * (see {@link LedgerChanges}), so it always equals what the topic holds for it.
 * <p>
 * Kept in an embedded on-disk store (H2's MVStore, in a directory of this instance's,
 * deleted on close), one map per partition: memory use is the store's page cache, however
 * many articles the archive holds. A second map per partition lists the held versions, so
 * the embargo timers are armed without reading every article.
 */
public class PublicationLedger implements AutoCloseable {

	/** In the held index: a version held with no time to release it (a legal hold). */
	private static final long NO_RELEASE = Long.MIN_VALUE;

	private final Path directory;

	private final MVStore store;

	/**
	 * A ledger in the given directory (created if missing), which is removed on
	 * {@link #close()}.
	 * @param directory where the store's file goes
	 * @param cacheMegabytes the page cache
	 */
	public PublicationLedger(Path directory, int cacheMegabytes) {
		this.directory = directory;
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the publication ledger in " + directory, ex);
		}
		this.store = new MVStore.Builder().fileName(directory.resolve("publication-state.mv.db").toString())
			.cacheSize(cacheMegabytes)
			.autoCommitBufferSize(8 * 1024)
			.autoCompactFillRate(50)
			.open();
	}

	/** A ledger in a new temporary directory. */
	public static PublicationLedger temporary() {
		try {
			return new PublicationLedger(Files.createTempDirectory("pressline-publication-state-"), 16);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the publication ledger", ex);
		}
	}

	/** The state of an article on a partition this instance owns, as last committed. */
	public Optional<ArticleState> find(int partition, String articleId) {
		byte[] bytes = states(partition).get(articleId);
		return (bytes != null) ? Optional.of(decode(bytes)) : Optional.empty();
	}

	/** Records an article's state once the transaction that wrote it has committed. */
	public void put(int partition, ArticleState state) {
		states(partition).put(state.articleId(), encode(state));
		MVMap<String, Long> held = held(partition);
		if (state.held() != null) {
			held.put(state.articleId(), (state.releaseAt() != null) ? state.releaseAt().toEpochMilli() : NO_RELEASE);
		}
		else {
			held.remove(state.articleId());
		}
	}

	/** Forgets an article, as a tombstone on the topic says. */
	public void remove(int partition, String articleId) {
		states(partition).remove(articleId);
		held(partition).remove(articleId);
	}

	/** Forgets a partition: it is no longer this instance's. */
	public void drop(int partition) {
		this.store.removeMap(states(partition));
		this.store.removeMap(held(partition));
	}

	/** The held versions of a partition that wait for a time, with that time. */
	public List<Embargo> embargoes(int partition) {
		List<Embargo> embargoes = new ArrayList<>();
		held(partition).forEach((id, releaseAt) -> {
			if (releaseAt != NO_RELEASE) {
				embargoes.add(new Embargo(partition, id, Instant.ofEpochMilli(releaseAt)));
			}
		});
		return embargoes;
	}

	/** How many articles a partition's copy holds. */
	public int size(int partition) {
		return states(partition).size();
	}

	/** The heap the store's page cache takes now, in bytes. */
	long cacheBytesUsed() {
		return this.store.getCacheSizeUsed() * 1024L;
	}

	@Override
	public void close() {
		this.store.close();
		FileSystemUtils.deleteRecursively(this.directory.toFile());
	}

	private MVMap<String, byte[]> states(int partition) {
		return this.store.openMap("state-" + partition,
				new MVMap.Builder<String, byte[]>().keyType(StringDataType.INSTANCE)
					.valueType(ByteArrayDataType.INSTANCE));
	}

	private MVMap<String, Long> held(int partition) {
		return this.store.openMap("held-" + partition,
				new MVMap.Builder<String, Long>().keyType(StringDataType.INSTANCE).valueType(LongDataType.INSTANCE));
	}

	private static byte[] encode(ArticleState state) {
		try {
			ByteBuffer buffer = state.toRecord().toByteBuffer();
			byte[] bytes = new byte[buffer.remaining()];
			buffer.get(bytes);
			return bytes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot store the state of article " + state.articleId(), ex);
		}
	}

	private static ArticleState decode(byte[] bytes) {
		try {
			return ArticleState.of(PublicationState.fromByteBuffer(ByteBuffer.wrap(bytes)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("A stored publication state cannot be read back", ex);
		}
	}

	/**
	 * A held version waiting for its time.
	 *
	 * @param partition the partition of its article
	 * @param articleId the article
	 * @param releaseAt when its embargo ends
	 */
	public record Embargo(int partition, String articleId, Instant releaseAt) {
	}

}
