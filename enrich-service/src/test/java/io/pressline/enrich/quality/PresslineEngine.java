package io.pressline.enrich.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.pressline.enrich.nlp.ArticleAnalysis;
import io.pressline.enrich.nlp.Enricher;
import io.pressline.enrich.nlp.ner.Entity;
import io.pressline.enrich.nlp.ner.Mention;

/** Pressline's engine, as the evaluation sees it. */
public final class PresslineEngine implements Function<GoldArticle, Evaluation.Prediction> {

	private final Enricher enricher;

	public PresslineEngine(Enricher enricher) {
		this.enricher = enricher;
	}

	@Override
	public Evaluation.Prediction apply(GoldArticle gold) {
		ArticleAnalysis analysis = this.enricher.enrich(gold.article(), gold.date());
		List<Evaluation.Predicted> mentions = new ArrayList<>();
		for (Entity entity : analysis.entities()) {
			for (Mention mention : entity.mentions()) {
				mentions.add(new Evaluation.Predicted(mention.start(), mention.end(), entity.type(),
						(mention.value() != null) ? mention.value() : entity.name(), entity.country()));
			}
		}
		List<Evaluation.PredictedQuote> quotes = analysis.quotes()
			.stream()
			.map((q) -> new Evaluation.PredictedQuote(q.text(), q.speaker()))
			.toList();
		List<String> topics = analysis.topics().stream().map((t) -> t.label()).toList();
		return new Evaluation.Prediction(mentions, quotes, topics);
	}

}
