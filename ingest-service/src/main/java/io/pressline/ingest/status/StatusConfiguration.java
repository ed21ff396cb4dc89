package io.pressline.ingest.status;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.pressline.event.ArticleStatus;
import io.pressline.ingest.store.InstanceStore;

/**
 * The status view, and {@code articles.status} (as {@code articleStatus-in-0}) bound to
 * it.
 */
@Configuration(proxyBeanMethods = false)
class StatusConfiguration {

	@Bean
	ArticleStatuses articleStatuses(InstanceStore store) {
		return new ArticleStatuses(store);
	}

	@Bean
	Consumer<ArticleStatus> articleStatus(ArticleStatuses statuses) {
		return statuses::record;
	}

}
