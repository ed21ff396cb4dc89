package io.pressline.ingest.desk;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.pressline.ingest.IngestProperties;
import io.pressline.ingest.status.ArticleStatuses;
import io.pressline.ingest.submission.Submissions;

/** The editors' desk: its view of recent articles, its live stream and its page. */
@Configuration(proxyBeanMethods = false)
class DeskConfiguration implements WebMvcConfigurer {

	@Bean
	DeskArticles deskArticles(IngestProperties properties, ArticleStatuses statuses, Submissions submissions) {
		DeskArticles desk = new DeskArticles(properties.desk().capacity());
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

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/", "/desk/");
		registry.addRedirectViewController("/desk", "/desk/");
		registry.addViewController("/desk/").setViewName("forward:/desk/index.html");
	}

}
