package io.pressline.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.pressline.enrich.nlp.ArticleAnalysis;
import io.pressline.enrich.nlp.Enricher;
import io.pressline.enrich.nlp.ner.Entity;
import io.pressline.enrich.nlp.ner.EntityType;
import io.pressline.enrich.quality.Evaluation;
import io.pressline.enrich.quality.GoldArticle;
import io.pressline.enrich.quality.PresslineEngine;

/**
 * How the engine links people and organisations on the gold set's articles 01–174, split
 * as models are compared (01–110, held-out 111–174): the linking accuracy of
 * {@link Evaluation} (found names whose canonical name is the gold one), how many
 * entities get an id from the reviewed list, from Wikipedia or a local id, and every
 * Wikipedia link with the article's name for it, to be checked by hand.
 *
 * <pre>
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar io.pressline.benchmarks.LinkingReport
 * </pre>
 */
public final class LinkingReport {

	private LinkingReport() {
	}

	public static void main(String[] args) {
		Enricher enricher = Enricher.standard();
		for (Map.Entry<String, List<GoldArticle>> part : List.of(Map.entry("01-110", GoldSplits.training()),
				Map.entry("111-174", GoldSplits.heldOut()))) {
			Evaluation.Report report = Evaluation.evaluate(part.getValue(), new PresslineEngine(enricher));
			System.out.printf(Locale.ROOT,
					"%s: linking accuracy PERSON %.3f, ORGANIZATION %.3f, LOCATION %.3f, all %.3f%n", part.getKey(),
					report.byType().get(EntityType.PERSON).linking(),
					report.byType().get(EntityType.ORGANIZATION).linking(),
					report.byType().get(EntityType.LOCATION).linking(), report.names().linking());
		}
		Map<String, Integer> kinds = new TreeMap<>();
		List<String> wikipedia = new ArrayList<>();
		List<GoldArticle> gold = new ArrayList<>(GoldSplits.training());
		gold.addAll(GoldSplits.heldOut());
		for (GoldArticle article : gold) {
			ArticleAnalysis analysis = enricher.enrich(article.article(), article.date());
			for (Entity entity : analysis.entities()) {
				if (entity.type() != EntityType.PERSON && entity.type() != EntityType.ORGANIZATION) {
					continue;
				}
				String kind = entity.type() + " " + entity.id().substring(0, entity.id().indexOf(':'));
				kinds.merge(kind, 1, Integer::sum);
				if (entity.id().startsWith("wikipedia:")) {
					wikipedia.add(article.name() + "\t" + entity.type() + "\t" + entity.name() + "\t" + entity.id());
				}
			}
		}
		System.out.println("\nPeople and organisations by kind of id: " + kinds);
		System.out.println("\nWikipedia links:");
		wikipedia.forEach(System.out::println);
	}

}
