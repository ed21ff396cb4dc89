package io.pressline.ingest.submission;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.pressline.ingest.IngestProperties;
import io.pressline.ingest.status.ArticleStatuses;
import io.pressline.ingest.version.NewArticleWriter;
import io.pressline.ingest.version.VersionSequencer;
import io.pressline.platform.PipelineTopics;
import io.pressline.platform.status.StageReporter;

/** The pieces a submission goes through. */
@Configuration(proxyBeanMethods = false)
class SubmissionConfiguration {

	@Bean
	IdempotencyKeys idempotencyKeys(IngestProperties properties) {
		return new IdempotencyKeys(properties.idempotencyWindow(), properties.idempotencyMaxKeys(), Clock.systemUTC());
	}

	@Bean
	SubmissionFeed submissionFeed() {
		return new SubmissionFeed();
	}

	@Bean
	Submissions submissions(IdempotencyKeys keys, NewArticleWriter newArticles, VersionSequencer versions,
			ArticleStatuses statuses, StageReporter stages, SubmissionFeed feed, PipelineTopics topics) {
		return new Submissions(keys, newArticles, versions, new ReceivedReports(statuses, stages, topics.status()),
				feed, Clock.systemUTC());
	}

}
