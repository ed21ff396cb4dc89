package io.pressline.enrich;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import io.pressline.enrich.nlp.ArticleAnalysis;
import io.pressline.enrich.nlp.ArticleText;
import io.pressline.enrich.nlp.Enricher;
import io.pressline.event.ArticleEnriched;
import io.pressline.event.ArticleStage;
import io.pressline.event.ArticleSubmitted;
import io.pressline.event.SubmissionAction;
import io.pressline.event.SubmissionReason;
import io.pressline.platform.batch.RecordBatches;
import io.pressline.platform.kafka.BindingRecords;
import io.pressline.platform.status.StageReporter;

/**
 * {@code articles.submitted} → {@code enrich} → {@code articles.enriched}, keyed by
 * article id, one transaction per batch of drafts read. Converts the Avro event for the
 * engine and the engine's answer back to Avro.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EnrichProperties.class)
class EnrichmentConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EnrichmentConfiguration.class);

	@Bean
	Enricher enricher() {
		return Enricher.standard();
	}

	/** The output binding of {@code articles.enriched}. */
	static final String ENRICHED = "enriched";

	/**
	 * The enrichment step, over the records of one poll: each draft is enriched on its
	 * own, and the enriched versions, their {@code ENRICHED} status events and the
	 * batch's offsets commit in one Kafka transaction. With
	 * {@code pressline.enrich.engine=passthrough} it does no language work at all (an
	 * empty enrichment), which the load harness uses to measure what the pipeline costs
	 * without the NLP.
	 */
	@Bean
	Consumer<Message<List<ArticleSubmitted>>> enrich(Enricher enricher, StageReporter stages,
			EnrichProperties properties, RecordBatches batches, BindingRecords records) {
		boolean passthrough = properties.engine() == EnrichProperties.Engine.PASSTHROUGH;
		if (passthrough) {
			log.warn("Enrichment engine is passthrough: articles are published without entities or metadata");
		}
		return (batch) -> batches.each(batch, (record) -> {
			ArticleEnriched enriched = enrich(record.value(), enricher, stages, passthrough);
			records.send(ENRICHED, enriched.getSubmission().getArticleId(), enriched, Map.of());
		});
	}

	private static ArticleEnriched enrich(ArticleSubmitted draft, Enricher enricher, StageReporter stages,
			boolean passthrough) {
		// Every log line about this article names it (with the trace id from the record).
		try (MDC.MDCCloseable article = MDC.putCloseable("articleId", draft.getArticleId())) {
			if (draft.getAction() == SubmissionAction.RETRACT) {
				// Nothing to read in a retraction: it passes straight on, in order behind
				// the article's earlier versions.
				log.info("Article {} v{} retraction passed on", draft.getArticleId(), draft.getVersion());
				return ArticleEnriched.newBuilder()
					.setSubmission(draft)
					.setEnrichment(EnrichmentRecords.none(Instant.now()))
					.build();
			}
			ArticleEnriched.Builder enriched = ArticleEnriched.newBuilder().setSubmission(draft);
			if (passthrough) {
				enriched.setEnrichment(EnrichmentRecords.none(Instant.now()));
			}
			else {
				ArticleAnalysis analysis = enricher.enrich(
						new ArticleText(draft.getHeadline(), draft.getBody(), draft.getLanguage()),
						draft.getSubmittedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate());
				enriched.setEnrichment(EnrichmentRecords.toAvro(analysis, Instant.now()));
				log.info("Article {} v{} enriched: {} words, language {}", draft.getArticleId(), draft.getVersion(),
						analysis.wordCount(), analysis.language());
			}
			if (draft.getReason() != SubmissionReason.REENRICHMENT) {
				// A replay of the archive reports only what publish-service decides of
				// it,
				// so it never hides what an editor's latest version is waiting for.
				stages.report(StageReporter.status(draft.getArticleId(), draft.getVersion(), ArticleStage.ENRICHED,
						"enrich", draft.getSubmittedAt(), null));
			}
			return enriched.build();
		}
	}

}
