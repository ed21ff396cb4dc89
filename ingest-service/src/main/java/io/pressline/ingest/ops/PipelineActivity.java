package io.pressline.ingest.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pressline.event.ArticleStage;
import io.pressline.event.ArticleStatus;
import io.pressline.event.ArticleSubmitted;
import io.pressline.platform.status.StageReporter;

/**
 * What the pipeline has been doing, for operators: how many article versions reached each
 * stage in the last minute, and the most recent versions with every stage each reached
 * and when, counted from the editor's submission. Built from {@code articles.status} (and
 * the headlines of this instance's submissions); a report seen twice counts once.
 */
public class PipelineActivity {

	/** The window throughput is counted over. */
	static final Duration WINDOW = Duration.ofMinutes(1);

	private final Clock clock;

	private final int capacity;

	/** Per stage, when versions reached it within the window, oldest first. */
	private final Map<ArticleStage, Deque<Instant>> reached = new EnumMap<>(ArticleStage.class);

	private final Map<ArticleStage, Long> totals = new EnumMap<>(ArticleStage.class);

	/** Article version ("id/version") → its run, the least recently active first. */
	private final LinkedHashMap<String, Run> runs = new LinkedHashMap<>(16, 0.75f, true);

	/**
	 * Reports already counted, "id/version/stage", for the versions still kept here.
	 */
	private final Set<String> counted = new HashSet<>();

	/**
	 * @param clock what "the last minute" is measured against
	 * @param capacity how many recent article versions are kept
	 */
	public PipelineActivity(Clock clock, int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1");
		}
		this.clock = clock;
		this.capacity = capacity;
	}

	/** Takes in a stage report. */
	public synchronized void status(ArticleStatus status) {
		if (StageReporter.unchangedByReenrichment(status)) {
			return;
		}
		String version = status.getArticleId() + "/" + status.getVersion();
		if (!this.counted.add(version + "/" + status.getStage())) {
			return;
		}
		Run run = run(status.getArticleId(), status.getVersion());
		if (run.submittedAt == null) {
			run.submittedAt = status.getSubmittedAt();
		}
		run.stages.merge(status.getStage(), status.getOccurredAt(), (a, b) -> a.isBefore(b) ? a : b);
		if (run.latest == null || !status.getOccurredAt().isBefore(run.latestAt)) {
			run.latest = status.getStage();
			run.latestAt = status.getOccurredAt();
			run.service = status.getService();
			run.reason = status.getReason();
		}
		this.totals.merge(status.getStage(), 1L, Long::sum);
		Instant since = this.clock.instant().minus(WINDOW);
		if (status.getOccurredAt().isAfter(since)) {
			Deque<Instant> times = this.reached.computeIfAbsent(status.getStage(), (s) -> new ArrayDeque<>());
			times.addLast(status.getOccurredAt());
			prune(times, since);
		}
		evict();
	}

	/** Takes in the headline of a version submitted here. */
	public synchronized void submitted(ArticleSubmitted draft) {
		Run run = run(draft.getArticleId(), draft.getVersion());
		run.headline = draft.getHeadline();
		run.submittedAt = draft.getSubmittedAt();
		evict();
	}

	/** Versions that reached each stage in the last minute, and since start-up. */
	public synchronized List<StageActivity> stages() {
		Instant since = this.clock.instant().minus(WINDOW);
		List<StageActivity> stages = new ArrayList<>();
		for (ArticleStage stage : ArticleStage.values()) {
			Deque<Instant> times = this.reached.get(stage);
			int lastMinute = 0;
			if (times != null) {
				prune(times, since);
				for (Instant time : times) {
					if (time.isAfter(since)) {
						lastMinute++;
					}
				}
			}
			stages.add(new StageActivity(stage.name(), lastMinute, this.totals.getOrDefault(stage, 0L)));
		}
		return stages;
	}

	/** The most recently active article versions, newest first. */
	public synchronized List<ArticleRun> recent(int limit) {
		List<Map.Entry<String, Run>> entries = new ArrayList<>(this.runs.entrySet());
		List<ArticleRun> recent = new ArrayList<>();
		for (int i = entries.size() - 1; i >= 0 && recent.size() < limit; i--) {
			recent.add(entries.get(i).getValue().view());
		}
		return recent;
	}

	private Run run(String articleId, int version) {
		return this.runs.computeIfAbsent(articleId + "/" + version, (key) -> new Run(articleId, version));
	}

	private void evict() {
		Iterator<Map.Entry<String, Run>> oldest = this.runs.entrySet().iterator();
		while (this.runs.size() > this.capacity && oldest.hasNext()) {
			String key = oldest.next().getKey();
			oldest.remove();
			for (ArticleStage stage : ArticleStage.values()) {
				this.counted.remove(key + "/" + stage);
			}
		}
	}

	/** Drops the times before the window; times arrive nearly in order. */
	private static void prune(Deque<Instant> times, Instant since) {
		while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
			times.pollFirst();
		}
	}

	/**
	 * One stage's activity.
	 *
	 * @param stage the stage
	 * @param lastMinute article versions that reached it in the last minute
	 * @param total article versions that reached it since this instance started reading
	 */
	public record StageActivity(String stage, int lastMinute, long total) {
	}

	/**
	 * One article version's way through the pipeline.
	 *
	 * @param articleId the article
	 * @param version its version
	 * @param headline its headline, when submitted through this instance
	 * @param stage the latest stage it reached
	 * @param service the service that reported it
	 * @param reason why, for a held, rejected or retracted version
	 * @param submittedAt when the editor submitted it
	 * @param millis per stage reached, milliseconds from submission
	 */
	public record ArticleRun(String articleId, int version, String headline, String stage, String service,
			String reason, Instant submittedAt, Map<String, Long> millis) {
	}

	private static final class Run {

		private final String articleId;

		private final int version;

		private final Map<ArticleStage, Instant> stages = new EnumMap<>(ArticleStage.class);

		private String headline;

		private Instant submittedAt;

		private ArticleStage latest;

		private Instant latestAt;

		private String service;

		private String reason;

		Run(String articleId, int version) {
			this.articleId = articleId;
			this.version = version;
		}

		ArticleRun view() {
			Map<String, Long> millis = new LinkedHashMap<>();
			if (this.submittedAt != null) {
				this.stages.forEach((stage, at) -> millis.put(stage.name(),
						Math.max(0, Duration.between(this.submittedAt, at).toMillis())));
			}
			return new ArticleRun(this.articleId, this.version, this.headline,
					(this.latest != null) ? this.latest.name() : null, this.service, this.reason, this.submittedAt,
					millis);
		}

	}

}
