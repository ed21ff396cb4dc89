package io.pressline.ingest.ops;

import java.time.Clock;
import java.util.List;

import org.apache.kafka.clients.admin.AdminClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.pressline.ingest.status.ArticleStatuses;
import io.pressline.ingest.submission.SubmissionFeed;
import io.pressline.platform.metrics.KafkaBacklog;

/** The operators' status page's figures: the pipeline's activity and backlog. */
@Configuration(proxyBeanMethods = false)
class OpsConfiguration {

	@Bean
	PipelineActivity pipelineActivity(ArticleStatuses statuses, SubmissionFeed submissions, OpsProperties properties) {
		PipelineActivity activity = new PipelineActivity(Clock.systemUTC(), properties.recent());
		statuses.onRecord(activity::status);
		submissions.onSubmission(activity::submitted);
		return activity;
	}

	/**
	 * The backlog of every stage's consumer groups, looked at every few seconds; not a
	 * metric here (each stage exports its own).
	 */
	@Bean(destroyMethod = "close")
	PipelineBacklog pipelineBacklog(AdminClient presslineAdminClient, OpsProperties properties) {
		List<String> groups = properties.groups();
		KafkaBacklog backlog = new KafkaBacklog(presslineAdminClient, () -> groups, properties.backlogInterval());
		backlog.watch();
		return new PipelineBacklog(groups, backlog);
	}

	/**
	 * The stages' consumer groups and what waits for them.
	 *
	 * @param groups the groups shown, in pipeline order
	 * @param backlog their lag and the dead letters, as last seen
	 */
	record PipelineBacklog(List<String> groups, KafkaBacklog backlog) implements AutoCloseable {

		@Override
		public void close() {
			this.backlog.close();
		}

	}

}
