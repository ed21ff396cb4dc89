package io.pressline.enrich;

import java.time.Instant;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
import io.pressline.platform.status.StageReporter;

/**
 * {@code articles.submitted} → {@code enrich} → {@code articles.enriched}, keyed by
 * article id. Converts the Avro event for the engine and the engine's answer back to
 * Avro.
 */
@Configuration(proxyBeanMethods = false)
class EnrichmentConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EnrichmentConfiguration.class);

	@Bean
	Enricher enricher() {
		return Enricher.standard();
	}

	@Bean
	Function<Message<ArticleSubmitted>, Message<ArticleEnriched>> enrich(Enricher enricher, StageReporter stages) {
		return (message) -> {
			ArticleSubmitted draft = message.getPayload();
			if (draft.getAction() == SubmissionAction.RETRACT) {
				// Nothing to read in a retraction: it passes straight on, in order behind
				// the
				// article's earlier versions.
				log.info("Article {} v{} retraction passed on", draft.getArticleId(), draft.getVersion());
				return StageReporter.keyed(draft.getArticleId(),
						ArticleEnriched.newBuilder()
							.setSubmission(draft)
							.setEnrichment(EnrichmentRecords.none(Instant.now()))
							.build());
			}
			ArticleAnalysis analysis = enricher.enrich(
					new ArticleText(draft.getHeadline(), draft.getBody(), draft.getLanguage()),
					draft.getSubmittedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate());
			ArticleEnriched enriched = ArticleEnriched.newBuilder()
				.setSubmission(draft)
				.setEnrichment(EnrichmentRecords.toAvro(analysis, Instant.now()))
				.build();
			stages.report(StageReporter.status(draft.getArticleId(), draft.getVersion(), ArticleStage.ENRICHED,
					"enrich", draft.getSubmittedAt(), null));
			log.info("Article {} v{} enriched: {} words, language {}", draft.getArticleId(), draft.getVersion(),
					analysis.wordCount(), analysis.language());
			return StageReporter.keyed(draft.getArticleId(), enriched);
		};
	}

}
