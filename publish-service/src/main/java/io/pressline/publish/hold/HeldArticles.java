package io.pressline.publish.hold;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import io.pressline.event.ArticleEnriched;

/**
 * The versions the desk holds back, one per article, and the timers that release
 * embargoed ones at their time. Held versions are also written to the compacted
 * {@code articles.held} topic and read back from it at start-up, so a restart loses no
 * hold and no release.
 */
public class HeldArticles implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(HeldArticles.class);

	private final Map<String, ArticleEnriched> held = new ConcurrentHashMap<>();

	private final Map<String, ScheduledFuture<?>> timers = new ConcurrentHashMap<>();

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "embargo-release");
		thread.setDaemon(true);
		return thread;
	});

	private final Clock clock;

	private final Duration readBackGrace;

	private volatile Predicate<String> releaser = (id) -> true;

	/**
	 * @param clock the time embargoes are measured against
	 * @param readBackGrace how long a version read back from the topic whose embargo has
	 * already passed waits before release, so that a later tombstone of the same article
	 * (it was released before the restart) is read first
	 */
	public HeldArticles(Clock clock, Duration readBackGrace) {
		this.clock = clock;
		this.readBackGrace = readBackGrace;
	}

	/**
	 * What to call with an article id when its embargo ends; it answers {@code false}
	 * when the release must wait a moment (a decision about the article is being
	 * committed), and is asked again shortly.
	 */
	public void onRelease(Predicate<String> releaser) {
		this.releaser = releaser;
	}

	/**
	 * Holds a version, replacing any earlier held version of the article.
	 * @param releaseAt when to release it, or {@code null} to hold it until a new version
	 */
	public void hold(ArticleEnriched version, Instant releaseAt) {
		String id = version.getSubmission().getArticleId();
		this.held.put(id, version);
		cancelTimer(id);
		if (releaseAt != null) {
			long delay = Math.max(0, Duration.between(this.clock.instant(), releaseAt).toMillis());
			this.timers.put(id, this.scheduler.schedule(() -> release(id), delay, TimeUnit.MILLISECONDS));
		}
	}

	/**
	 * Takes in a version read back from the held topic: held again unless a newer version
	 * of the article is already held here.
	 */
	public void learn(ArticleEnriched version) {
		String id = version.getSubmission().getArticleId();
		ArticleEnriched known = this.held.get(id);
		if (known != null && known.getSubmission().getVersion() > version.getSubmission().getVersion()) {
			return;
		}
		if (known != null && known.equals(version)) {
			return;
		}
		Instant embargo = version.getSubmission().getEmbargoUntil();
		Instant releaseAt = null;
		if (embargo != null && !version.getSubmission().getLegalHold()) {
			Instant earliest = this.clock.instant().plus(this.readBackGrace);
			releaseAt = embargo.isBefore(earliest) ? earliest : embargo;
		}
		hold(version, releaseAt);
	}

	/** Stops holding whatever version of the article is held. */
	public void forget(String articleId) {
		this.held.remove(articleId);
		cancelTimer(articleId);
	}

	public Optional<ArticleEnriched> find(String articleId) {
		return Optional.ofNullable(this.held.get(articleId));
	}

	/** Every held version. */
	public List<ArticleEnriched> all() {
		return List.copyOf(this.held.values());
	}

	private void release(String articleId) {
		this.timers.remove(articleId);
		// The timer's thread has no article of its own: every line logged here names it.
		try (MDC.MDCCloseable article = MDC.putCloseable("articleId", articleId)) {
			tryRelease(articleId);
		}
	}

	private void tryRelease(String articleId) {
		try {
			if (!this.releaser.test(articleId)) {
				this.timers.put(articleId,
						this.scheduler.schedule(() -> release(articleId), 50, TimeUnit.MILLISECONDS));
			}
		}
		catch (RuntimeException ex) {
			// Try again shortly rather than lose the release.
			log.error("Release of article {} failed; retrying in 1 s", articleId, ex);
			this.timers.put(articleId, this.scheduler.schedule(() -> release(articleId), 1, TimeUnit.SECONDS));
		}
	}

	private void cancelTimer(String articleId) {
		ScheduledFuture<?> timer = this.timers.remove(articleId);
		if (timer != null) {
			timer.cancel(false);
		}
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

}
