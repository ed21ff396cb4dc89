package io.pressline.publish.embargo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import io.pressline.publish.ledger.ArticleState;
import io.pressline.publish.ledger.PublicationLedger;

/**
 * A timer for each embargoed version on the partitions this instance owns. When one ends,
 * the held version, as the ledger has it then, is offered to the publisher again through
 * {@link EmbargoReleases}; the timer decides nothing itself. Timers are armed from the
 * ledger when a partition is assigned and when a decision holding a version commits, and
 * disarmed when the version stops being held or the partition goes to another instance.
 * Whichever instance's timer fires, and however often, the publisher publishes the
 * version once: a release of a version no longer held is ignored.
 */
public class EmbargoTimers implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbargoTimers.class);

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "embargo-release");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<String, Timer> timers = new ConcurrentHashMap<>();

	private final PublicationLedger ledger;

	private final EmbargoReleases releases;

	private final Clock clock;

	private final Duration retryAfter;

	/**
	 * @param ledger where the held versions are read when their time comes
	 * @param releases where they go then
	 * @param clock the time embargoes are measured against
	 * @param retryAfter how long to wait before trying again a release that could not be
	 * written
	 */
	public EmbargoTimers(PublicationLedger ledger, EmbargoReleases releases, Clock clock, Duration retryAfter) {
		this.ledger = ledger;
		this.releases = releases;
		this.clock = clock;
		this.retryAfter = retryAfter;
	}

	/** Follows a committed state: arms its embargo, or disarms the article's timer. */
	public void follow(int partition, ArticleState state) {
		if (state.held() != null && state.releaseAt() != null) {
			arm(partition, state.articleId(), state.releaseAt());
		}
		else {
			disarm(state.articleId());
		}
	}

	/** Arms the timers of every embargo on a partition just assigned. */
	public void armPartition(int partition) {
		for (PublicationLedger.Embargo embargo : this.ledger.embargoes(partition)) {
			arm(partition, embargo.articleId(), embargo.releaseAt());
		}
	}

	/** Disarms every timer of a partition that is no longer this instance's. */
	public synchronized void disarmPartition(int partition) {
		this.timers.entrySet().removeIf((entry) -> {
			if (entry.getValue().partition() == partition) {
				entry.getValue().future().cancel(false);
				return true;
			}
			return false;
		});
	}

	/** How many timers are armed. */
	public int armed() {
		return this.timers.size();
	}

	private void arm(int partition, String articleId, Instant time) {
		// As the state topic keeps it: to the millisecond.
		Instant releaseAt = time.truncatedTo(ChronoUnit.MILLIS);
		// Rounded up: a timer never fires before its time.
		long nanos = Duration.between(this.clock.instant(), releaseAt).toNanos();
		long delay = Math.max(0, (nanos + 999_999) / 1_000_000);
		schedule(partition, articleId, releaseAt, delay);
	}

	/** Holds this object's lock, so a timer is in the map before it can fire. */
	private synchronized void schedule(int partition, String articleId, Instant releaseAt, long delayMillis) {
		Timer timer = new Timer(partition, releaseAt, this.scheduler
			.schedule(() -> fire(partition, articleId, releaseAt), delayMillis, TimeUnit.MILLISECONDS));
		Timer before = this.timers.put(articleId, timer);
		if (before != null) {
			before.future().cancel(false);
		}
	}

	private synchronized void disarm(String articleId) {
		Timer timer = this.timers.remove(articleId);
		if (timer != null) {
			timer.future().cancel(false);
		}
	}

	/** This timer, if it is still the article's. */
	private synchronized Timer current(int partition, String articleId, Instant releaseAt) {
		Timer mine = this.timers.get(articleId);
		return (mine != null && mine.partition() == partition && mine.releaseAt().equals(releaseAt)) ? mine : null;
	}

	private void fire(int partition, String articleId, Instant releaseAt) {
		// The timer's thread has no article of its own: every line logged here names it.
		try (MDC.MDCCloseable article = MDC.putCloseable("articleId", articleId)) {
			Timer mine = current(partition, articleId, releaseAt);
			if (mine == null) {
				return;
			}
			ArticleState state = this.ledger.find(partition, articleId).orElse(null);
			if (state == null || state.held() == null || state.releaseAt() == null
					|| !releaseAt.equals(state.releaseAt().truncatedTo(ChronoUnit.MILLIS))) {
				this.timers.remove(articleId, mine);
				return;
			}
			try {
				this.releases.release(state.held());
				this.timers.remove(articleId, mine);
				log.info("Embargo of article {} v{} ended: offered for publication", articleId,
						state.held().getSubmission().getVersion());
			}
			catch (RuntimeException ex) {
				log.error("Release of article {} could not be written; trying again in {}", articleId, this.retryAfter,
						ex);
				schedule(partition, articleId, releaseAt, this.retryAfter.toMillis());
			}
		}
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

	private record Timer(int partition, Instant releaseAt, ScheduledFuture<?> future) {
	}

}
