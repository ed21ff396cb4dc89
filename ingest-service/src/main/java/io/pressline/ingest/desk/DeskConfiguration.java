package io.pressline.ingest.desk;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import io.pressline.ingest.IngestProperties;
import io.pressline.ingest.status.ArticleStatuses;
import io.pressline.ingest.store.InstanceStore;
import io.pressline.ingest.submission.SubmissionFeed;

/** The editors' desk: its view of recent articles, its live stream and the preview. */
@Configuration(proxyBeanMethods = false)
class DeskConfiguration {

	@Bean
	DeskArticles deskArticles(IngestProperties properties, InstanceStore store, ArticleStatuses statuses,
			SubmissionFeed submissions) {
		DeskArticles desk = new DeskArticles(properties.desk().capacity(), properties.desk().versionsPerArticle(),
				store.events("desk-drafts"));
		statuses.onRecord(desk::status);
		submissions.onSubmission(desk::submitted);
		return desk;
	}

	@Bean
	DeskStream deskStream(DeskArticles articles, IngestProperties properties) {
		return new DeskStream(articles, properties.desk().heartbeat());
	}

	@Bean
	EnrichmentPreviews enrichmentPreviews(IngestProperties properties) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(properties.desk().previewTimeout());
		return new EnrichmentPreviews(RestClient.builder()
			.baseUrl(properties.desk().enrichUrl().toString())
			.requestFactory(requests)
			.build());
	}

}
