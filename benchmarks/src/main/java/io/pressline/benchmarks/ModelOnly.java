package io.pressline.benchmarks;

import java.util.List;
import java.util.function.Function;

import io.pressline.enrich.nlp.Segmenter;
import io.pressline.enrich.nlp.ner.EntityRecognizer;
import io.pressline.enrich.quality.Evaluation;
import io.pressline.enrich.quality.GoldArticle;

/**
 * A statistical model on its own, as the evaluation sees it: its mentions on the engine's
 * tokens, before any rule, gazetteer or document-level step.
 */
final class ModelOnly implements Function<GoldArticle, Evaluation.Prediction> {

	private final Segmenter segmenter;

	private final EntityRecognizer model;

	ModelOnly(Segmenter segmenter, EntityRecognizer model) {
		this.segmenter = segmenter;
		this.model = model;
	}

	@Override
	public Evaluation.Prediction apply(GoldArticle article) {
		List<Evaluation.Predicted> mentions = this.model.recognize(this.segmenter.segment(article.article()))
			.stream()
			.map((m) -> new Evaluation.Predicted(m.start(), m.end(), m.type(), m.text(), null))
			.toList();
		return new Evaluation.Prediction(mentions, null, null);
	}

}
