package io.pressline.ingest.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import io.pressline.event.ArticleStage;
import io.pressline.event.ArticleStatus;
import io.pressline.event.serde.EventSchemas;
import io.pressline.ingest.store.InstanceStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status view keeps every article of the archive in the instance's store on disk: the
 * heap holds its page cache, whatever the number of articles.
 */
class ArticleStatusesTests {

	static {
		EventSchemas.trust();
	}

	private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");

	/** Some 12 MB of statuses, twelve times the cache. */
	private static final int ARTICLES = 40_000;

	@TempDir
	private Path parent;

	private InstanceStore store;

	@AfterEach
	void close() {
		if (this.store != null) {
			this.store.close();
		}
	}

	@Test
	void moreArticlesThanTheCacheHoldsAreAllKnownAndTheHeapHoldsOnlyTheCache() {
		this.store = new InstanceStore(this.parent, DataSize.ofMegabytes(1));
		ArticleStatuses statuses = new ArticleStatuses(this.store);
		String reason = "held until the embargo ends ".repeat(10);

		for (int i = 0; i < ARTICLES; i++) {
			statuses.record(status("article-" + i, 1, ArticleStage.HELD, reason, i));
		}

		assertThat(statuses.size()).isEqualTo(ARTICLES);
		assertThat(statuses.find("article-0")).hasValueSatisfying((s) -> assertThat(s.getReason()).isEqualTo(reason));
		assertThat(statuses.find("article-" + (ARTICLES - 1))).isPresent();
		assertThat(this.store.cacheUsed()).isLessThanOrEqualTo(this.store.cacheLimit());
		assertThat(this.store.cacheLimit()).isEqualTo(DataSize.ofMegabytes(1).toBytes());
	}

	@Test
	void laterVersionsAndLaterEventsWinAndEveryStatusIsTold() {
		this.store = new InstanceStore(this.parent, DataSize.ofMegabytes(1));
		ArticleStatuses statuses = new ArticleStatuses(this.store);
		java.util.List<ArticleStage> told = new java.util.ArrayList<>();
		statuses.onRecord((status) -> told.add(status.getStage()));

		statuses.record(status("a", 2, ArticleStage.RECEIVED, null, 5));
		statuses.record(status("a", 1, ArticleStage.PUBLISHED, null, 9));
		statuses.record(status("a", 2, ArticleStage.ENRICHED, null, 6));

		assertThat(statuses.find("a")).hasValueSatisfying((s) -> {
			assertThat(s.getVersion()).isEqualTo(2);
			assertThat(s.getStage()).isEqualTo(ArticleStage.ENRICHED);
		});
		assertThat(told).containsExactly(ArticleStage.RECEIVED, ArticleStage.PUBLISHED, ArticleStage.ENRICHED);
	}

	@Test
	void theStoreIsRemovedOnClose() {
		this.store = new InstanceStore(this.parent, DataSize.ofMegabytes(1));
		Path directory = this.store.directory();
		assertThat(directory).startsWith(this.parent).isDirectory();

		this.store.close();
		this.store = null;

		assertThat(Files.exists(directory)).isFalse();
	}

	private static ArticleStatus status(String id, int version, ArticleStage stage, String reason, int second) {
		return ArticleStatus.newBuilder()
			.setArticleId(id)
			.setVersion(version)
			.setStage(stage)
			.setReason(reason)
			.setService("publish")
			.setSubmittedAt(T0)
			.setOccurredAt(T0.plusSeconds(second))
			.build();
	}

}
