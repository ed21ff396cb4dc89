package io.pressline.enrich.quality;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.pressline.enrich.nlp.Enricher;
import io.pressline.enrich.nlp.ner.EntityType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's quality on the gold set. Prints the figures (and writes them with every
 * error to {@code target/quality-report.md}); fails when one drops below its floor, each
 * set a little under the value measured when it was last raised.
 */
class EnrichmentQualityTests {

	/**
	 * First article kept out of training and tuning while the model and rules were chosen
	 * (docs/benchmarks.md); the shipped model has since been trained on it too.
	 */
	private static final int HELD_OUT_FROM = 111;

	private static Evaluation.Report report;

	@BeforeAll
	static void evaluate() throws IOException {
		List<GoldArticle> gold = GoldSet.tunable();
		PresslineEngine engine = new PresslineEngine(Enricher.standard());
		report = Evaluation.evaluate(gold, engine);
		List<GoldArticle> tail = gold.stream().filter((a) -> number(a) >= HELD_OUT_FROM).toList();
		String table = report.table("Pressline, FIRST + DEV + BLIND (" + gold.size() + " gold articles)") + "\n"
				+ Evaluation.evaluate(GoldSet.load(GoldSet.Part.FIRST), engine).table("FIRST 01-30") + "\n"
				+ Evaluation.evaluate(GoldSet.load(GoldSet.Part.DEV), engine).table("DEV 031-082") + "\n"
				+ Evaluation.evaluate(GoldSet.load(GoldSet.Part.BLIND), engine).table("BLIND 083-134") + "\n"
				+ Evaluation.evaluate(tail, engine).table("111-134 (held out while choosing, since trained on)");
		System.out.println(table);
		Path file = Path.of("target", "quality-report.md");
		Files.createDirectories(file.getParent());
		Files.writeString(file,
				table + "\n## Errors (FIRST + DEV + BLIND)\n\n" + String.join("\n", report.errors()) + "\n");
	}

	private static int number(GoldArticle article) {
		return Integer.parseInt(article.name().substring(0, article.name().indexOf('-')));
	}

	@Test
	void theGoldSetIsLargeEnoughToMeasure() {
		assertThat(GoldSet.tunable()).hasSizeGreaterThanOrEqualTo(130);
	}

	// Floors below are for FIRST + DEV + BLIND (134 articles), measured 2026-12-03 with
	// the
	// rules and the gold-trained CRF of docs/benchmarks.md (issue 14, engine tuning). The
	// CRF was trained on all of 01-134, so these are largely training-set figures: they
	// catch a regression but do not estimate quality. With the CRF trained on 01-110
	// only, the held-out 111-134 scored micro-F1 0.902 and speakers 0.874.

	@Test
	void peopleOrganisationsAndPlacesAreFound() {
		// measured 0.965 (P 0.959, R 0.971) on 2026-12-03
		assertThat(report.names().f1()).isGreaterThanOrEqualTo(0.95);
	}

	@Test
	void eachTypeStaysAboveItsFloor() {
		// measured 2026-12-03: PERSON 0.984, ORGANIZATION 0.942, LOCATION 0.969, DATE
		// 0.926, MONEY 0.874
		Map<EntityType, Double> floors = Map.of(EntityType.PERSON, 0.97, EntityType.ORGANIZATION, 0.92,
				EntityType.LOCATION, 0.955, EntityType.DATE, 0.91, EntityType.MONEY, 0.86);
		for (EntityType type : EntityType.values()) {
			assertThat(report.byType().get(type).f1()).as(type.name()).isGreaterThanOrEqualTo(floors.get(type));
		}
	}

	@Test
	void foundNamesAreLinkedToTheRightEntity() {
		// measured 0.799 of correctly found names carry the gold id on 2026-12-03
		assertThat(report.names().linking()).isGreaterThanOrEqualTo(0.78);
	}

	@Test
	void quotesAreAttributedToTheirSpeaker() {
		// measured 0.959 (564 of 588 quotes) on 2026-12-03; the target is 0.90
		assertThat(report.speakerAccuracy()).isGreaterThanOrEqualTo(0.94);
	}

	@Test
	void theMainTopicIsRight() {
		// measured 0.851 (114 of 134) for the main topic and 0.663 recall over all gold
		// topics on 2026-12-03
		assertThat(report.mainTopicAccuracy()).isGreaterThanOrEqualTo(0.83);
		assertThat(report.topicRecall()).isGreaterThanOrEqualTo(0.64);
	}

}
