package io.pressline.ingest.ops;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.pressline.platform.draft.MalformedDraftException;
import io.pressline.platform.metrics.KafkaBacklog;

/**
 * The figures behind the operators' status page at {@code /ops/}: each stage's
 * throughput, each consumer group's lag per partition, each dead-letter topic's depth,
 * and the recent article versions with the time each stage took.
 */
@RestController
class OpsController {

	private static final int MAX_RECENT = 100;

	private final PipelineActivity activity;

	private final OpsConfiguration.PipelineBacklog backlog;

	OpsController(PipelineActivity activity, OpsConfiguration.PipelineBacklog backlog) {
		this.activity = activity;
		this.backlog = backlog;
	}

	@GetMapping("/api/v1/ops/pipeline")
	PipelineView pipeline(@RequestParam(defaultValue = "25") int recent) {
		if (recent < 1 || recent > MAX_RECENT) {
			throw new MalformedDraftException("recent must be between 1 and " + MAX_RECENT, "recent");
		}
		Map<String, List<KafkaBacklog.Lag>> lags = this.backlog.backlog()
			.lags()
			.stream()
			.collect(Collectors.groupingBy(KafkaBacklog.Lag::group));
		List<GroupLag> groups = this.backlog.groups().stream().map((group) -> {
			List<KafkaBacklog.Lag> partitions = lags.getOrDefault(group, List.of());
			Long records = partitions.isEmpty() ? null : partitions.stream().mapToLong(KafkaBacklog.Lag::records).sum();
			return new GroupLag(group, records, partitions);
		}).toList();
		return new PipelineView(Instant.now(), this.activity.stages(), groups,
				new TreeMap<>(this.backlog.backlog().deadLetters()), this.activity.recent(recent));
	}

	/**
	 * One consumer group's backlog.
	 *
	 * @param group the group
	 * @param records records waiting across its partitions, {@code null} while not known
	 * @param partitions per partition
	 */
	record GroupLag(String group, Long records, List<KafkaBacklog.Lag> partitions) {
	}

	/**
	 * The page's figures.
	 *
	 * @param generatedAt when
	 * @param stages versions that reached each stage
	 * @param groups each stage's consumer group backlog
	 * @param deadLetters records on each dead-letter topic
	 * @param recent recent article versions, newest first
	 */
	record PipelineView(Instant generatedAt, List<PipelineActivity.StageActivity> stages, List<GroupLag> groups,
			Map<String, Long> deadLetters, List<PipelineActivity.ArticleRun> recent) {
	}

}
