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

	private static Evaluation.Report report;

	@BeforeAll
	static void evaluate() throws IOException {
		List<GoldArticle> gold = GoldSet.load(GoldSet.Part.FIRST);
		report = Evaluation.evaluate(gold, new PresslineEngine(Enricher.standard()));
		String table = report.table("Pressline (" + gold.size() + " gold articles)");
		int half = gold.size() / 2;
		table += "\n"
				+ Evaluation.evaluate(gold.subList(0, half), new PresslineEngine(Enricher.standard()))
					.table("articles 01-" + half)
				+ "\n" + Evaluation.evaluate(gold.subList(half, gold.size()), new PresslineEngine(Enricher.standard()))
					.table("articles " + (half + 1) + "-" + gold.size());
		System.out.println(table);
		Path file = Path.of("target", "quality-report.md");
		Files.createDirectories(file.getParent());
		Files.writeString(file, table + "\n## Errors\n\n" + String.join("\n", report.errors()) + "\n");
	}

	@Test
	void theGoldSetIsLargeEnoughToMeasure() {
		assertThat(GoldSet.load()).hasSizeGreaterThanOrEqualTo(30);
	}

	@Test
	void peopleOrganisationsAndPlacesAreFound() {
		// measured 0.929 (P 0.934, R 0.924) on 2026-11-25; the target is 0.90
		assertThat(report.names().f1()).isGreaterThanOrEqualTo(0.91);
	}

	@Test
	void eachTypeStaysAboveItsFloor() {
		// measured PERSON 0.949, ORGANIZATION 0.877, LOCATION 0.945, DATE 0.927, MONEY
		// 1.000
		Map<EntityType, Double> floors = Map.of(EntityType.PERSON, 0.93, EntityType.ORGANIZATION, 0.85,
				EntityType.LOCATION, 0.92, EntityType.DATE, 0.90, EntityType.MONEY, 0.96);
		for (EntityType type : EntityType.values()) {
			assertThat(report.byType().get(type).f1()).as(type.name()).isGreaterThanOrEqualTo(floors.get(type));
		}
	}

	@Test
	void foundNamesAreLinkedToTheRightEntity() {
		// measured 0.903 of correctly found names carry the gold id
		assertThat(report.names().linking()).isGreaterThanOrEqualTo(0.88);
	}

	@Test
	void quotesAreAttributedToTheirSpeaker() {
		// measured 0.907 (107 of 118 quotes)
		assertThat(report.speakerAccuracy()).isGreaterThanOrEqualTo(0.88);
	}

	@Test
	void theMainTopicIsRight() {
		// measured 1.000 (30 of 30) for the main topic and 0.732 recall over all gold
		// topics
		assertThat(report.mainTopicAccuracy()).isGreaterThanOrEqualTo(0.93);
		assertThat(report.topicRecall()).isGreaterThanOrEqualTo(0.70);
	}

}
