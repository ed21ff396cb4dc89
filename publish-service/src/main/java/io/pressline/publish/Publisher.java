package io.pressline.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.transaction.support.TransactionOperations;

import io.pressline.event.ArticleEnriched;
import io.pressline.event.ArticlePublished;
import io.pressline.event.ArticleStage;
import io.pressline.event.ArticleSubmitted;
import io.pressline.event.PublicationEventType;
import io.pressline.platform.PipelineTopics;
import io.pressline.platform.status.StageReporter;
import io.pressline.platform.transaction.TransactionEffects;
import io.pressline.publish.archive.PublishedArticles;
import io.pressline.publish.desk.Decision;
import io.pressline.publish.desk.Editions;
import io.pressline.publish.desk.EditorialDesk;
import io.pressline.publish.hold.HeldArticles;

/**
 * Carries out the desk's decisions: publishes (to {@code articles.published}, the
 * compacted {@code articles.latest} and the section's topic), holds, rejects and
 * retracts, and reports each outcome on {@code articles.status}. Versions arrive from the
 * publish function and from embargo timers; one at a time, so the desk always decides on
 * what was published before.
 * <p>
 * Every record a decision writes goes in the Kafka transaction of the version's read (the
 * binder's, for versions from the publish function; {@code transactions} for releases),
 * so a version is published once or not at all. This instance's memory (what is
 * published, what is held) changes only once that transaction commits, so a version read
 * again after a rollback is decided again rather than ignored as already published.
 */
public class Publisher {

	private static final Logger log = LoggerFactory.getLogger(Publisher.class);

	static final String LATEST_BINDING = "latest";

	static final String HELD_BINDING = "held";

	private final EditorialDesk desk;

	private final Editions editions;

	private final PublishedArticles archive;

	private final HeldArticles held;

	private final StageReporter stages;

	private final StreamBridge streamBridge;

	private final PipelineTopics topics;

	private final PublishProperties properties;

	private final Clock clock;

	private final TransactionOperations transactions;

	/**
	 * Articles with a decision whose transaction has not completed yet; guarded by this
	 * object's lock.
	 */
	private final Set<String> pending = new HashSet<>();

	private final Map<PublicationEventType, Timer> latency = new EnumMap<>(PublicationEventType.class);

	Publisher(EditorialDesk desk, Editions editions, PublishedArticles archive, HeldArticles held, StageReporter stages,
			StreamBridge streamBridge, PipelineTopics topics, PublishProperties properties, Clock clock,
			TransactionOperations transactions, MeterRegistry registry) {
		this.desk = desk;
		this.editions = editions;
		this.archive = archive;
		this.held = held;
		this.stages = stages;
		this.streamBridge = streamBridge;
		this.topics = topics;
		this.properties = properties;
		this.clock = clock;
		this.transactions = transactions;
		for (PublicationEventType type : PublicationEventType.values()) {
			this.latency.put(type,
					Timer.builder("pressline.publication.latency")
						.description("From the editor's submission to the event on articles.published; "
								+ "versions held by an embargo are not counted")
						.tag("type", type.name())
						// Buckets, from which Prometheus works out any percentile across
						// instances; client-side percentiles would not be exported.
						.publishPercentileHistogram()
						.minimumExpectedValue(Duration.ofMillis(1))
						.maximumExpectedValue(Duration.ofMinutes(10))
						.register(registry));
		}
		held.onRelease(this::release);
	}

	/**
	 * Handles a version from {@code articles.enriched}.
	 * @return the event for {@code articles.published}, if there is one
	 */
	synchronized Optional<ArticlePublished> handle(ArticleEnriched enriched) {
		return process(enriched);
	}

	/**
	 * Releases an article's held version whose embargo has ended.
	 * @return {@code false} if a decision about the article is still being committed: ask
	 * again in a moment
	 */
	synchronized boolean release(String articleId) {
		if (this.pending.contains(articleId)) {
			return false;
		}
		Optional<ArticleEnriched> version = this.held.find(articleId);
		if (version.isEmpty()) {
			return true;
		}
		this.transactions.executeWithoutResult((transaction) -> process(version.get())
			.ifPresent((event) -> send(this.topics.published(), articleId, event)));
		return true;
	}

	private Optional<ArticlePublished> process(ArticleEnriched enriched) {
		// Every log line about this article names it; a caller that named it already (an
		// embargo release) keeps its name afterwards.
		String caller = MDC.get("articleId");
		MDC.put("articleId", enriched.getSubmission().getArticleId());
		try {
			return decide(enriched);
		}
		finally {
			if (caller != null) {
				MDC.put("articleId", caller);
			}
			else {
				MDC.remove("articleId");
			}
		}
	}

	private Optional<ArticlePublished> decide(ArticleEnriched enriched) {
		ArticleSubmitted draft = enriched.getSubmission();
		String id = draft.getArticleId();
		awaitCompletion(id);
		Instant now = this.clock.instant();
		Decision decision = this.desk.decide(draft, this.archive.publishedVersion(id), now);
		if (decision instanceof Decision.Ignore ignore) {
			log.info("Article {} v{} ignored: {}", id, draft.getVersion(), ignore.reason());
			unholdUpTo(id, draft.getVersion());
			return Optional.empty();
		}
		if (decision instanceof Decision.Hold hold) {
			send(HELD_BINDING, id, enriched);
			onCommit(() -> this.held.hold(enriched, hold.releaseAt()));
			report(draft, ArticleStage.HELD, hold.reason());
			log.info("Article {} v{} held: {}", id, draft.getVersion(), hold.reason());
			return Optional.empty();
		}
		if (decision instanceof Decision.Reject reject) {
			report(draft, ArticleStage.REJECTED, reject.reason());
			log.info("Article {} v{} rejected: {}", id, draft.getVersion(), reject.reason());
			return Optional.empty();
		}
		if (decision instanceof Decision.Retract retract) {
			return retract(enriched, retract, now);
		}
		Decision.Publish publish = (Decision.Publish) decision;
		ArticlePublished event = this.editions.edition(enriched, publish, this.archive.find(id).orElse(null), now);
		unholdUpTo(id, draft.getVersion());
		send(LATEST_BINDING, id, event);
		send(this.properties.sectionTopic(publish.section()), id, event);
		report(draft, ArticleStage.PUBLISHED,
				(publish.eventType() == PublicationEventType.PUBLISHED) ? null : "published as " + publish.eventType());
		log.info("Article {} v{} published as {} in {}", id, draft.getVersion(), publish.eventType(),
				publish.section());
		measure(draft, publish.eventType());
		onCommit(() -> this.archive.record(event));
		return Optional.of(event);
	}

	private Optional<ArticlePublished> retract(ArticleEnriched enriched, Decision.Retract retract, Instant now) {
		ArticleSubmitted draft = enriched.getSubmission();
		String id = draft.getArticleId();
		unholdUpTo(id, draft.getVersion());
		Optional<ArticlePublished> last = this.archive.find(id);
		if (!retract.published() || last.isEmpty()) {
			report(draft, ArticleStage.RETRACTED, "retracted before publication");
			log.info("Article {} v{} retracted before publication", id, draft.getVersion());
			return Optional.empty();
		}
		ArticlePublished event = this.editions.retraction(draft, enriched.getEnrichment(), last.get(), now);
		send(this.properties.sectionTopic(event.getSection()), id, event);
		send(LATEST_BINDING, id, KafkaNull.INSTANCE);
		report(draft, ArticleStage.RETRACTED, draft.getNote());
		log.info("Article {} v{} retracted", id, draft.getVersion());
		measure(draft, PublicationEventType.RETRACTED);
		onCommit(() -> this.archive.record(event));
		return Optional.of(event);
	}

	/**
	 * Changes what this instance knows once the records of the decision are committed:
	 * right away without a transaction, after the commit within one. Until then the read
	 * API does not show the version, and a version whose transaction rolls back is read
	 * again and decided again rather than ignored as already published.
	 */
	private void onCommit(Runnable change) {
		TransactionEffects.afterCommit(() -> {
			synchronized (this) {
				change.run();
			}
		});
	}

	/**
	 * Marks the article as decided but not committed until the current transaction
	 * completes, so that an embargo release waits for what the decision changes.
	 */
	private void awaitCompletion(String articleId) {
		if (TransactionEffects.inTransaction() && this.pending.add(articleId)) {
			TransactionEffects.afterCompletion(() -> {
				synchronized (this) {
					this.pending.remove(articleId);
				}
			});
		}
	}

	/** Stops holding the article's held version if it is this one or older. */
	private void unholdUpTo(String articleId, int version) {
		if (this.held.find(articleId).filter((h) -> h.getSubmission().getVersion() <= version).isPresent()) {
			unhold(articleId);
		}
	}

	private void unhold(String articleId) {
		send(HELD_BINDING, articleId, KafkaNull.INSTANCE);
		onCommit(() -> this.held.forget(articleId));
	}

	/**
	 * Submission to publication, unless an embargo made the wait; counted once the
	 * publication is committed, so attempts rolled back are not.
	 */
	private void measure(ArticleSubmitted draft, PublicationEventType type) {
		Instant embargo = draft.getEmbargoUntil();
		if (embargo == null || !embargo.isAfter(draft.getSubmittedAt())) {
			Duration latency = Duration.between(draft.getSubmittedAt(), this.clock.instant());
			onCommit(() -> this.latency.get(type).record(latency));
		}
	}

	private void report(ArticleSubmitted draft, ArticleStage stage, String reason) {
		this.stages.report(StageReporter.status(draft.getArticleId(), draft.getVersion(), stage, "publish",
				draft.getSubmittedAt(), reason));
	}

	private void send(String binding, String articleId, Object payload) {
		Message<Object> message = MessageBuilder.withPayload(payload).setHeader(KafkaHeaders.KEY, articleId).build();
		if (!this.streamBridge.send(binding, message)) {
			throw new IllegalStateException(
					"Kafka did not take the record of article " + articleId + " for " + binding);
		}
	}

}
