package io.pressline.ingest.ops;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.admin.AdminClient;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.pressline.ingest.status.ArticleStatuses;
import io.pressline.ingest.submission.Submissions;
import io.pressline.platform.metrics.KafkaBacklog;

/** The operators' status page: its view of the pipeline's activity and backlog. */
@Configuration(proxyBeanMethods = false)
class OpsConfiguration implements WebMvcConfigurer {

	@Bean
	PipelineActivity pipelineActivity(ArticleStatuses statuses, Submissions submissions,
			@Value("${pressline.ops.recent:100}") int recent) {
		PipelineActivity activity = new PipelineActivity(Clock.systemUTC(), recent);
		statuses.onRecord(activity::status);
		submissions.onSubmission(activity::submitted);
		return activity;
	}

	/**
	 * The backlog of every stage's consumer groups, looked at every few seconds; not a
	 * metric here (each stage exports its own).
	 */
	@Bean(destroyMethod = "close")
	PipelineBacklog pipelineBacklog(AdminClient presslineAdminClient,
			@Value("${pressline.ops.groups:enrich-service,publish-service,publish-webhooks}") List<String> groups,
			@Value("${pressline.ops.backlog-interval:3s}") Duration interval) {
		KafkaBacklog backlog = new KafkaBacklog(presslineAdminClient, () -> groups, interval);
		backlog.watch();
		return new PipelineBacklog(groups, backlog);
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/ops", "/ops/");
		registry.addViewController("/ops/").setViewName("forward:/ops/index.html");
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
