package io.pressline.ingest.status;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.pressline.event.ArticleStatus;

/** Binds {@code articles.status} (as {@code articleStatus-in-0}) to the status view. */
@Configuration(proxyBeanMethods = false)
class StatusConfiguration {

	@Bean
	Consumer<ArticleStatus> articleStatus(ArticleStatuses statuses) {
		return statuses::record;
	}

}
