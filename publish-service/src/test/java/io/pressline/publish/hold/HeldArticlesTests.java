package io.pressline.publish.hold;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import io.pressline.publish.PublishFixtures;

import static org.assertj.core.api.Assertions.assertThat;

class HeldArticlesTests {

	@Test
	void anEndedEmbargoIsReleasedOnceNoDecisionIsPendingWithTheArticleInTheLogContext() throws Exception {
		CompletableFuture<String> released = new CompletableFuture<>();
		AtomicInteger asked = new AtomicInteger();
		try (HeldArticles held = new HeldArticles(Clock.systemUTC(), Duration.ZERO)) {
			held.onRelease((id) -> {
				// The first time, a decision about the article is still being committed.
				if (asked.incrementAndGet() == 1) {
					return false;
				}
				released.complete(id + " " + MDC.get("articleId"));
				return true;
			});
			held.hold(PublishFixtures.enriched(PublishFixtures.draft("emb-1", 1).build()),
					Instant.now().plusMillis(50));
			assertThat(released.get(10, TimeUnit.SECONDS)).isEqualTo("emb-1 emb-1");
		}
		assertThat(asked).hasValue(2);
	}

}
