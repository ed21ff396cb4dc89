package io.pressline.publish.archive;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

import io.pressline.event.ArticlePublished;
import io.pressline.event.PublicationState;
import io.pressline.publish.PublishProperties;

/**
 * The read side: every instance follows the whole of {@code articles.latest} (what is
 * live) and {@code articles.publish-state} (what was retracted) into
 * {@link PublishedArticles}, whichever partitions it publishes for.
 */
@Configuration(proxyBeanMethods = false)
class ArchiveConfiguration {

	@Bean(destroyMethod = "close")
	PublishedArticles publishedArticles(PublishProperties properties) {
		PublishProperties.Store store = properties.store();
		return new PublishedArticles(store.newDirectory("pressline-published-"), store.cacheMegabytes());
	}

	/** A live article's latest version; a tombstone removes a retracted article. */
	@Bean
	Consumer<Message<Object>> latestArticles(PublishedArticles archive) {
		return (message) -> {
			if (message.getPayload() instanceof ArticlePublished article) {
				archive.record(article);
			}
			else {
				archive.forget(key(message));
			}
		};
	}

	/** Retractions, which the tombstones on {@code articles.latest} do not tell apart. */
	@Bean
	Consumer<Message<Object>> retractions(PublishedArticles archive) {
		return (message) -> {
			if (message.getPayload() instanceof PublicationState state && state.getRetracted()) {
				archive.retract(state.getArticleId(), state.getDecidedVersion());
			}
		};
	}

	private static String key(Message<?> message) {
		Object key = message.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
		return (key instanceof byte[] bytes) ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(key);
	}

}
