package io.pressline.publish;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import io.pressline.event.ArticleEnriched;
import io.pressline.event.ArticlePublished;
import io.pressline.event.ArticleStage;
import io.pressline.event.ArticleSubmitted;
import io.pressline.publish.archive.PublishedArticles;
import io.pressline.publish.desk.Decision;
import io.pressline.publish.desk.EditorialDesk;
import io.pressline.platform.status.StageReporter;

/**
 * {@code articles.enriched} → {@code publish} → {@code articles.published} (and the same
 * snapshot to the compacted {@code articles.latest}), keyed by article id. The desk
 * decides; this class only converts and sends.
 */
@Configuration(proxyBeanMethods = false)
class PublishConfiguration {

	private static final Logger log = LoggerFactory.getLogger(PublishConfiguration.class);

	static final String LATEST_BINDING = "latest";

	@Bean
	EditorialDesk editorialDesk() {
		return new EditorialDesk();
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	Function<Message<ArticleEnriched>, Message<ArticlePublished>> publish(EditorialDesk desk, PublishedArticles archive,
			StageReporter stages, StreamBridge streamBridge, Clock clock) {
		return (message) -> {
			ArticleEnriched enriched = message.getPayload();
			ArticleSubmitted draft = enriched.getSubmission();
			Instant now = clock.instant();
			Decision decision = desk.decide(draft, archive.publishedVersion(draft.getArticleId()), now);
			if (decision instanceof Decision.Ignore ignore) {
				log.info("Article {} v{} ignored: {}", draft.getArticleId(), draft.getVersion(), ignore.reason());
				return null;
			}
			if (decision instanceof Decision.Hold hold) {
				stages.report(StageReporter.status(draft.getArticleId(), draft.getVersion(), ArticleStage.HELD,
						"publish", draft.getSubmittedAt(), hold.reason()));
				log.info("Article {} v{} held: {}", draft.getArticleId(), draft.getVersion(), hold.reason());
				return null;
			}
			Decision.Publish publish = (Decision.Publish) decision;
			ArticlePublished published = ArticlePublished.newBuilder()
				.setArticleId(draft.getArticleId())
				.setVersion(draft.getVersion())
				.setEventType(publish.eventType())
				.setHeadline(draft.getHeadline())
				.setBody(draft.getBody())
				.setByline(draft.getByline())
				.setSection(draft.getSection())
				.setLanguage(
						(draft.getLanguage() != null) ? draft.getLanguage() : enriched.getEnrichment().getLanguage())
				.setEnrichment(enriched.getEnrichment())
				.setSubmittedAt(draft.getSubmittedAt())
				.setFirstPublishedAt(publish.firstPublishedAt())
				.setPublishedAt(now)
				.build();
			streamBridge.send(LATEST_BINDING, StageReporter.keyed(draft.getArticleId(), published));
			archive.record(published);
			stages.report(StageReporter.status(draft.getArticleId(), draft.getVersion(), ArticleStage.PUBLISHED,
					"publish", draft.getSubmittedAt(), null));
			log.info("Article {} v{} published as {}", draft.getArticleId(), draft.getVersion(), publish.eventType());
			return StageReporter.keyed(draft.getArticleId(), published);
		};
	}

	/** Rebuilds what has been published from {@code articles.latest}. */
	@Bean
	Consumer<ArticlePublished> latestArticles(PublishedArticles archive) {
		return archive::record;
	}

}
