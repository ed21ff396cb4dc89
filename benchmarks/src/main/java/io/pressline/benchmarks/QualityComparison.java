package io.pressline.benchmarks;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.pressline.enrich.nlp.Document;
import io.pressline.enrich.nlp.Enricher;
import io.pressline.enrich.nlp.Segmenter;
import io.pressline.enrich.nlp.ner.EntityType;
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
 * java -Xmx6g -cp benchmarks/target/benchmarks.jar io.pressline.benchmarks.QualityComparison \
 *      [--parts=first,dev] [--errors] [--pressline-only]
 * </pre>
 *
 * {@code --parts} names the parts of the gold set to measure, together: {@code first}
 * (01–30), {@code dev} (031–082), {@code blind} (083–134, measured once and since open
 * for tuning) and {@code blind2} (the second blind set); the default is
 * {@code first,dev}. With {@code --errors} it also lists each engine's missed, spurious
 * and mislinked mentions, except when the second blind set is measured: then only the
 * totals are printed, so that nothing of its texts or of the engine's errors on them is
 * seen. {@code --pressline-only} leaves CoreNLP out (it takes most of the time).
 */
public final class QualityComparison {

	private QualityComparison() {
	}

	public static void main(String[] args) {
		Set<GoldSet.Part> parts = EnumSet.of(GoldSet.Part.FIRST, GoldSet.Part.DEV);
		boolean errors = false;
		boolean coreNlpToo = true;
		for (String arg : args) {
			if (arg.startsWith("--parts=")) {
				parts = parts(arg.substring("--parts=".length()));
			}
			else if (arg.equals("--errors")) {
				errors = true;
			}
			else if (arg.equals("--pressline-only")) {
				coreNlpToo = false;
			}
			else {
				throw new IllegalArgumentException("Unknown argument " + arg
						+ "; use [--parts=first,dev,blind,blind2] [--errors] [--pressline-only]");
			}
		}
		boolean blind = parts.contains(GoldSet.Part.BLIND2);
		if (blind && errors) {
			System.out.println("The second blind set is measured: errors are not listed, only the totals.\n");
			errors = false;
		}
		List<GoldArticle> gold = new ArrayList<>();
		for (GoldSet.Part part : parts) {
			gold.addAll(GoldSet.load(part));
		}
		Segmenter segmenter = Segmenter.english();
		long tokens = 0;
		for (GoldArticle article : gold) {
			Document document = segmenter.segment(article.article());
			tokens += document.headline().stream().mapToLong((s) -> s.tokens().size()).sum()
					+ document.body().stream().mapToLong((s) -> s.tokens().size()).sum();
		}
		System.out.printf("Gold set %s: %d articles, %d tokens, %.1f tokens per article%n%n", parts, gold.size(),
				tokens, (double) tokens / gold.size());
		Evaluation.Report pressline = Evaluation.evaluate(gold, new PresslineEngine(Enricher.standard()));
		print(pressline, "Pressline", errors);
		if (!coreNlpToo) {
			return;
		}
		Evaluation.Report coreNlp = Evaluation.evaluate(gold, new CoreNlpDefaultPipeline());
		print(coreNlp, "CoreNLP default pipeline", errors);
		System.out.println(sideBySide(pressline, coreNlp, gold.size()));
	}

	static String sideBySide(Evaluation.Report pressline, Evaluation.Report coreNlp, int articles) {
		StringBuilder out = new StringBuilder();
		out.append("| F1 on ").append(articles).append(" articles | Pressline | CoreNLP default |\n");
		out.append("| --- | ---: | ---: |\n");
		for (EntityType type : EntityType.values()) {
			out.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f |%n", type, pressline.byType().get(type).f1(),
					coreNlp.byType().get(type).f1()));
		}
		Evaluation.Counts p = pressline.names();
		Evaluation.Counts c = coreNlp.names();
		out.append(String.format(Locale.ROOT,
				"| PER+ORG+LOC (micro) | **%.3f** (P %.3f, R %.3f) | **%.3f** (P %.3f, R %.3f) |%n", p.f1(),
				p.precision(), p.recall(), c.f1(), c.precision(), c.recall()));
		return out.toString();
	}

	static Set<GoldSet.Part> parts(String names) {
		Set<GoldSet.Part> parts = EnumSet.noneOf(GoldSet.Part.class);
		for (String name : names.split(",")) {
			try {
				parts.add(GoldSet.Part.valueOf(name.strip().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(
						"Unknown gold part '" + name + "'; the parts are first, dev, blind, blind2", ex);
			}
		}
		if (parts.isEmpty()) {
			throw new IllegalArgumentException("--parts names no part");
		}
		return parts;
	}

	private static void print(Evaluation.Report report, String engine, boolean errors) {
		System.out.println(report.table(engine));
		if (errors) {
			report.errors().forEach((line) -> System.out.println(engine + "\t" + line));
			System.out.println();
		}
	}

}
