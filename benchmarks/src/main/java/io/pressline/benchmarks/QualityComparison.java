package io.pressline.benchmarks;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.pressline.enrich.kb.KnowledgeBase;
import io.pressline.enrich.nlp.Document;
import io.pressline.enrich.nlp.Enricher;
import io.pressline.enrich.nlp.LanguageIdentifier;
import io.pressline.enrich.nlp.Segmenter;
import io.pressline.enrich.nlp.ner.CrfRecognizer;
import io.pressline.enrich.nlp.ner.EntityExtractor;
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
 *      [--parts=first,dev] [--articles=111-134] [--crf=FILE [--order=all3-first|gold-first|gold-only]]
 *      [--errors] [--pressline-only]
 * </pre>
 *
 * {@code --parts} names the parts of the gold set to measure, together: {@code first}
 * (01–30), {@code dev} (031–082), {@code blind} (083–134, measured once and since open
 * for tuning), {@code blind2} (the second blind set, measured once on 2026-12-03 and
 * since open for tuning too), {@code blind3} (the third, measured once on 2026-12-04 and
 * since open for tuning as well), {@code blind4} (the fourth, measured once on 2026-12-04
 * and since open for tuning), {@code blind5} (the fifth, 255–314), {@code blind6} (the
 * sixth, 315–374) and {@code blind7} (the seventh, 375–434), each measured once on
 * 2026-12-04 and since open for tuning; the default is {@code first,dev}. With
 * {@code --errors} it also lists each engine's missed, spurious and mislinked mentions,
 * except when a blind set not yet open for tuning ({@link GoldSet#measuredOnly}) is
 * measured: then only the totals are printed, so that nothing of its texts or of the
 * engine's errors on them is seen. {@code --pressline-only} leaves CoreNLP out (it takes
 * most of the time). {@code --articles=A-B} keeps only the articles numbered A to B of
 * those parts (the held-out 111–174 of {@link GoldSplits}, say); {@code --crf=FILE} runs
 * the engine with a CRF from {@link GoldCrfTrainer} in place of the shipped one (after
 * CoreNLP's 3-class model, as {@link CrfRecognizer#standard()} has it), to measure a
 * model trained on 01–110 on the held-out articles; {@code --order} puts it after the
 * 3-class model (the default), before it, or alone.
 */
public final class QualityComparison {

	private QualityComparison() {
	}

	public static void main(String[] args) {
		Set<GoldSet.Part> parts = EnumSet.of(GoldSet.Part.FIRST, GoldSet.Part.DEV);
		boolean errors = false;
		boolean coreNlpToo = true;
		int from = 0;
		int to = Integer.MAX_VALUE;
		String crf = null;
		String order = "all3-first";
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
			else if (arg.startsWith("--articles=")) {
				String[] range = arg.substring("--articles=".length()).split("-");
				from = Integer.parseInt(range[0]);
				to = Integer.parseInt(range[1]);
			}
			else if (arg.startsWith("--crf=")) {
				crf = arg.substring("--crf=".length());
			}
			else if (arg.startsWith("--order=")) {
				order = arg.substring("--order=".length());
			}
			else {
				throw new IllegalArgumentException("Unknown argument " + arg
						+ "; use [--parts=first,dev,blind,blind2,blind3,blind4,blind5,blind6,blind7] [--articles=A-B] [--crf=FILE] [--order=O] [--errors]"
						+ " [--pressline-only]");
			}
		}
		boolean blind = parts.stream().anyMatch(GoldSet::measuredOnly);
		if (blind && errors) {
			System.out.println("A blind set is measured: errors are not listed, only the totals.\n");
			errors = false;
		}
		List<GoldArticle> gold = new ArrayList<>();
		for (GoldSet.Part part : parts) {
			gold.addAll(GoldSet.load(part));
		}
		int first = from;
		int last = to;
		gold.removeIf((article) -> GoldSplits.number(article) < first || GoldSplits.number(article) > last);
		Segmenter segmenter = Segmenter.english();
		long tokens = 0;
		for (GoldArticle article : gold) {
			Document document = segmenter.segment(article.article());
			tokens += document.headline().stream().mapToLong((s) -> s.tokens().size()).sum()
					+ document.body().stream().mapToLong((s) -> s.tokens().size()).sum();
		}
		System.out.printf("Gold set %s%s: %d articles, %d tokens, %.1f tokens per article%n%n", parts,
				(from > 0 || to < Integer.MAX_VALUE) ? " (articles " + from + "-" + to + ")" : "", gold.size(), tokens,
				(double) tokens / gold.size());
		Enricher enricher = (crf == null) ? Enricher.standard() : new Enricher(segmenter, LanguageIdentifier.standard(),
				new EntityExtractor(recognizer(crf, order), KnowledgeBase.standard()));
		Evaluation.Report pressline = Evaluation.evaluate(gold, new PresslineEngine(enricher));
		print(pressline, "Pressline", errors);
		if (!coreNlpToo) {
			return;
		}
		Evaluation.Report coreNlp = Evaluation.evaluate(gold, new CoreNlpDefaultPipeline());
		print(coreNlp, "CoreNLP default pipeline", errors);
		System.out.println(sideBySide(pressline, coreNlp, gold.size()));
	}

	/** The engine's recognizer with another trained CRF, in one of the orders tried. */
	private static CrfRecognizer recognizer(String crf, String order) {
		return switch (order) {
			case "all3-first" -> CrfRecognizer.filling(CrfRecognizer.ALL_3CLASS, crf);
			case "gold-first" -> CrfRecognizer.filling(crf, CrfRecognizer.ALL_3CLASS);
			case "gold-only" -> new CrfRecognizer(CrfRecognizer.load(crf));
			default -> throw new IllegalArgumentException(
					"Unknown --order=" + order + "; use all3-first, gold-first or gold-only");
		};
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
						"Unknown gold part '" + name + "'; the parts are first, dev, blind, blind2, blind3, blind4",
						ex);
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
