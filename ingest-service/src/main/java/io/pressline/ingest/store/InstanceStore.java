package io.pressline.ingest.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;
import org.h2.mvstore.type.LongDataType;
import org.h2.mvstore.type.StringDataType;

import org.springframework.util.FileSystemUtils;
import org.springframework.util.unit.DataSize;

/**
 * What this ingest instance keeps on disk rather than on the heap: the status of every
 * article, the version ledger and the desk's latest drafts. Every one grows with the
 * archive, which has no end, so only the store's page cache lives on the heap. It is H2's
 * MVStore in a new directory of this instance's, removed on {@link #close()}: it is
 * scratch space, every start rebuilds it from Kafka, and nothing in it must survive.
 */
public class InstanceStore implements AutoCloseable {

	private final Path directory;

	private final MVStore store;

	/**
	 * A store in a new directory.
	 * @param parent where the directory is made; the system's temporary directory when
	 * {@code null}
	 * @param cacheSize the page cache, at least 1 MB
	 */
	public InstanceStore(Path parent, DataSize cacheSize) {
		this.directory = newDirectory(parent);
		// Written in bigger chunks and compacted less eagerly than by default, as
		// publish-service does: the file lives only as long as this instance.
		this.store = new MVStore.Builder().fileName(this.directory.resolve("ingest.mv.db").toString())
			.cacheSize((int) Math.max(1, cacheSize.toMegabytes()))
			.autoCommitBufferSize(8 * 1024)
			.autoCompactFillRate(50)
			.open();
	}

	private static Path newDirectory(Path parent) {
		try {
			if (parent == null) {
				return Files.createTempDirectory("pressline-ingest-");
			}
			Files.createDirectories(parent);
			return Files.createTempDirectory(parent, "pressline-ingest-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot make the ingest store's directory in "
					+ ((parent != null) ? parent : System.getProperty("java.io.tmpdir")), ex);
		}
	}

	/** A map of byte arrays (Avro single-object encoded events) by article id. */
	public MVMap<String, byte[]> events(String name) {
		return this.store.openMap(name, new MVMap.Builder<String, byte[]>().keyType(StringDataType.INSTANCE)
			.valueType(ByteArrayDataType.INSTANCE));
	}

	/** A map of numbers by article id. */
	public MVMap<String, Long> numbers(String name) {
		return this.store.openMap(name,
				new MVMap.Builder<String, Long>().keyType(StringDataType.INSTANCE).valueType(LongDataType.INSTANCE));
	}

	/** The page cache in use now, in bytes: what the store holds on the heap. */
	public long cacheUsed() {
		return this.store.getCacheSizeUsed() * 1024L * 1024L;
	}

	/** The page cache's limit, in bytes. */
	public long cacheLimit() {
		return this.store.getCacheSize() * 1024L * 1024L;
	}

	/** Where the store's file is. */
	public Path directory() {
		return this.directory;
	}

	@Override
	public void close() {
		this.store.close();
		FileSystemUtils.deleteRecursively(this.directory.toFile());
	}

}
