package io.pressline.ingest.status;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.pressline.event.ArticleStatus;
import io.pressline.ingest.store.InstanceStore;
import io.pressline.ingest.ReadBack;

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

	/**
	 * The statuses of one poll, in order. A record that could not be decoded (its value
	 * null, the reason in its headers) is passed over with a warning: the view is only
	 * ever behind by a status the next stage's replaces, and the topic keeps the record.
	 */
	@Bean
	Consumer<List<ArticleStatus>> articleStatus(ArticleStatuses statuses) {
		return (batch) -> ReadBack.each(batch, "articles.status", statuses::record);
	}

}
