package io.pressline.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.pressline.enrich.kb.KnowledgeBase;
import io.pressline.enrich.nlp.Enricher;
import io.pressline.enrich.nlp.LanguageIdentifier;
import io.pressline.enrich.nlp.Segmenter;
import io.pressline.enrich.nlp.ner.CrfRecognizer;
import io.pressline.enrich.nlp.ner.EntityExtractor;
import io.pressline.enrich.nlp.ner.EntityRecognizer;
import io.pressline.enrich.nlp.ner.EntityType;
import io.pressline.enrich.quality.Evaluation;
import io.pressline.enrich.quality.GoldArticle;
import io.pressline.enrich.quality.PresslineEngine;

/**
 * Statistical models tried as the engine's {@link EntityRecognizer}, each measured twice
 * on the gold set: the model alone (its own mentions, before any rule) and inside the
 * whole engine. Both on the articles a model may be trained and tuned on (01–110) and on
 * the held-out 111–174 ({@link GoldSplits}); {@code --held-out-only} measures the
 * held-out part only.
 *
 * <pre>
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar io.pressline.benchmarks.ModelComparison \
 *      [--variants=conll4,all3,muc7,default3,all3+conll4,conll4+all3,standard,gold,gold+all3,all3+gold,gold+conll4]
 *      [--gold=FILE] [--gold2=FILE] [--held-out-only]
 * </pre>
 *
 * {@code --gold} and {@code --gold2} are models from {@link GoldCrfTrainer} (trained with
 * {@code --train-through=110}; {@code gold2}, {@code gold2+all3} and {@code all3+gold2}
 * name the second); {@code standard} is the engine's recognizer as shipped.
 * {@code default3} is CoreNLP's default combination (its 3-class, 7-class and 4-class
 * models, the first one's labels winning); a {@code +} makes each later model fill the
 * tokens the earlier ones left unlabelled.
 */
public final class ModelComparison {

	private ModelComparison() {
	}

	public static void main(String[] args) {
		String gold = null;
		String gold2 = null;
		boolean heldOutOnly = false;
		List<String> variants = List.of("conll4", "all3", "muc7", "default3", "conll4+all3");
		for (String arg : args) {
			if (arg.startsWith("--gold=")) {
				gold = arg.substring("--gold=".length());
			}
			else if (arg.startsWith("--gold2=")) {
				gold2 = arg.substring("--gold2=".length());
			}
			else if (arg.equals("--held-out-only")) {
				heldOutOnly = true;
			}
			else if (arg.startsWith("--variants=")) {
				variants = List.of(arg.substring("--variants=".length()).split(","));
			}
			else {
				throw new IllegalArgumentException("Unknown argument " + arg);
			}
		}
		Map<String, Supplier<EntityRecognizer>> known = recognizers(gold, gold2);
		List<GoldArticle> training = GoldSplits.training();
		List<GoldArticle> heldOut = GoldSplits.heldOut();
		Segmenter segmenter = Segmenter.english();
		LanguageIdentifier languages = LanguageIdentifier.standard();
		KnowledgeBase kb = KnowledgeBase.standard();
		String trainingPart = String.format(Locale.ROOT, "01-%03d", GoldSplits.HELD_OUT_AFTER);
		String heldOutPart = String.format(Locale.ROOT, "%03d-%03d", GoldSplits.HELD_OUT_AFTER + 1,
				GoldSplits.LAST_ARTICLE);
		System.out.printf("Training/tuning part: %d articles (%s); held out: %d articles (%s)%n%n", training.size(),
				trainingPart, heldOut.size(), heldOutPart);
		Map<String, List<GoldArticle>> parts = new LinkedHashMap<>();
		if (!heldOutOnly) {
			parts.put(trainingPart, training);
		}
		parts.put(heldOutPart, heldOut);
		System.out
			.println("| variant | measured | part | PERSON | ORGANIZATION | LOCATION | micro P | micro R | micro F1 |");
		System.out.println("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
		for (String variant : variants) {
			Supplier<EntityRecognizer> supplier = known.get(variant);
			if (supplier == null) {
				throw new IllegalArgumentException("Unknown variant " + variant + "; known: " + known.keySet());
			}
			EntityRecognizer model = supplier.get();
			Enricher engine = new Enricher(segmenter, languages, new EntityExtractor(model, kb));
			for (String measured : List.of("model alone", "engine")) {
				for (Map.Entry<String, List<GoldArticle>> part : parts.entrySet()) {
					Evaluation.Report report = Evaluation.evaluate(part.getValue(),
							measured.equals("engine") ? new PresslineEngine(engine) : new ModelOnly(segmenter, model));
					System.out.println(row(variant, measured, part.getKey(), report));
				}
			}
		}
	}

	private static String row(String variant, String measured, String part, Evaluation.Report report) {
		List<String> cells = new ArrayList<>(List.of(variant, measured, part));
		for (EntityType type : List.of(EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION)) {
			cells.add(String.format(Locale.ROOT, "%.3f", report.byType().get(type).f1()));
		}
		Evaluation.Counts names = report.names();
		cells.add(String.format(Locale.ROOT, "%.3f", names.precision()));
		cells.add(String.format(Locale.ROOT, "%.3f", names.recall()));
		cells.add(String.format(Locale.ROOT, "**%.3f**", names.f1()));
		return "| " + String.join(" | ", cells) + " |";
	}

	private static Map<String, Supplier<EntityRecognizer>> recognizers(String gold, String gold2) {
		Map<String, Supplier<EntityRecognizer>> known = new LinkedHashMap<>();
		known.put("conll4", CrfRecognizer::conll4Class);
		known.put("all3", () -> CrfRecognizer.combined(CrfRecognizer.ALL_3CLASS));
		known.put("muc7", () -> CrfRecognizer.combined(CrfRecognizer.MUC_7CLASS));
		// CoreNLP's default order: the first model's labels win.
		known.put("default3",
				() -> CrfRecognizer.combined(CrfRecognizer.ALL_3CLASS, CrfRecognizer.MUC_7CLASS, CrfRecognizer.MODEL));
		// Each later model fills the tokens the ones before it left unlabelled.
		known.put("all3+conll4", () -> CrfRecognizer.filling(CrfRecognizer.ALL_3CLASS, CrfRecognizer.MODEL));
		known.put("conll4+all3", () -> CrfRecognizer.filling(CrfRecognizer.MODEL, CrfRecognizer.ALL_3CLASS));
		if (gold != null) {
			known.put("gold", () -> new CrfRecognizer(CrfRecognizer.load(gold)));
			known.put("gold+all3", () -> CrfRecognizer.filling(gold, CrfRecognizer.ALL_3CLASS));
			known.put("all3+gold", () -> CrfRecognizer.filling(CrfRecognizer.ALL_3CLASS, gold));
			known.put("gold+conll4", () -> CrfRecognizer.filling(gold, CrfRecognizer.MODEL));
		}
		if (gold2 != null) {
			known.put("gold2", () -> new CrfRecognizer(CrfRecognizer.load(gold2)));
			known.put("gold2+all3", () -> CrfRecognizer.filling(gold2, CrfRecognizer.ALL_3CLASS));
			known.put("all3+gold2", () -> CrfRecognizer.filling(CrfRecognizer.ALL_3CLASS, gold2));
		}
		known.put("standard", CrfRecognizer::standard);
		return known;
	}

}
