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

	// Floors below are for FIRST + DEV (82 articles), measured 2026-12-03 with the rules
	// and the gold-trained CRF together (the CRF was trained on 01-069, so these partly
	// measure training data); the held-out tail DEV 070-082 alone scored 0.841 (names)
	// and 0.817 (speakers), and the blind half, measured once, 0.875 and 0.840
	// (docs/benchmarks.md).

	@Test
	void peopleOrganisationsAndPlacesAreFound() {
		// measured 0.914 (P 0.912, R 0.916) on 2026-12-03
		assertThat(report.names().f1()).isGreaterThanOrEqualTo(0.90);
	}

	@Test
	void eachTypeStaysAboveItsFloor() {
		// measured 2026-12-03: PERSON 0.940, ORGANIZATION 0.857, LOCATION 0.933, DATE
		// 0.909, MONEY 0.908
		Map<EntityType, Double> floors = Map.of(EntityType.PERSON, 0.92, EntityType.ORGANIZATION, 0.84,
				EntityType.LOCATION, 0.92, EntityType.DATE, 0.89, EntityType.MONEY, 0.89);
		for (EntityType type : EntityType.values()) {
			assertThat(report.byType().get(type).f1()).as(type.name()).isGreaterThanOrEqualTo(floors.get(type));
		}
	}

	@Test
	void foundNamesAreLinkedToTheRightEntity() {
		// measured 0.814 of correctly found names carry the gold id on 2026-12-03
		assertThat(report.names().linking()).isGreaterThanOrEqualTo(0.79);
	}

	@Test
	void quotesAreAttributedToTheirSpeaker() {
		// measured 0.894 (319 of 357 quotes) on 2026-12-03; the target is 0.90
		assertThat(report.speakerAccuracy()).isGreaterThanOrEqualTo(0.88);
	}

	@Test
	void theMainTopicIsRight() {
		// measured 0.866 (71 of 82) for the main topic and 0.694 recall over all gold
		// topics on 2026-12-03
		assertThat(report.mainTopicAccuracy()).isGreaterThanOrEqualTo(0.84);
		assertThat(report.topicRecall()).isGreaterThanOrEqualTo(0.67);
	}

}
