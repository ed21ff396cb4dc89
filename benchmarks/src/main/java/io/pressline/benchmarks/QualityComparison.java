package io.pressline.benchmarks;

import java.util.List;

import io.pressline.enrich.nlp.Document;
import io.pressline.enrich.nlp.Enricher;
import io.pressline.enrich.nlp.Segmenter;
import io.pressline.enrich.quality.Evaluation;
import io.pressline.enrich.quality.GoldArticle;
import io.pressline.enrich.quality.GoldSet;
import io.pressline.enrich.quality.PresslineEngine;

/**
 * Prints, for the gold set, Pressline's engine and CoreNLP's default NER pipeline side by
 * side: precision, recall and F1 per type, and the corpus size in tokens, from which
 * EngineBenchmark's articles per second become tokens per second.
 *
 * <pre>
 * java -Xmx6g -cp benchmarks/target/benchmarks.jar io.pressline.benchmarks.QualityComparison [--errors]
 * </pre>
 *
 * With {@code --errors} it also lists each engine's missed, spurious and mislinked
 * mentions.
 */
public final class QualityComparison {

	private QualityComparison() {
	}

	public static void main(String[] args) {
		List<GoldArticle> gold = GoldSet.load();
		Segmenter segmenter = Segmenter.english();
		long tokens = 0;
		for (GoldArticle article : gold) {
			Document document = segmenter.segment(article.article());
			tokens += document.headline().stream().mapToLong((s) -> s.tokens().size()).sum()
					+ document.body().stream().mapToLong((s) -> s.tokens().size()).sum();
		}
		System.out.printf("Gold set: %d articles, %d tokens, %.1f tokens per article%n%n", gold.size(), tokens,
				(double) tokens / gold.size());
		Evaluation.Report pressline = Evaluation.evaluate(gold, new PresslineEngine(Enricher.standard()));
		boolean errors = List.of(args).contains("--errors");
		print(pressline, "Pressline", errors);
		Evaluation.Report coreNlp = Evaluation.evaluate(gold, new CoreNlpDefaultPipeline());
		print(coreNlp, "CoreNLP default pipeline", errors);
	}

	private static void print(Evaluation.Report report, String engine, boolean errors) {
		System.out.println(report.table(engine));
		if (errors) {
			report.errors().forEach((line) -> System.out.println(engine + "\t" + line));
			System.out.println();
		}
	}

}
