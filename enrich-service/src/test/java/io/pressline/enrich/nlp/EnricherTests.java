package io.pressline.enrich.nlp;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class EnricherTests {

	private static final LocalDate DAY = LocalDate.of(2026, 3, 11);

	private static final Enricher enricher = Enricher.standard();

	@Test
	void countsWordsNotPunctuation() {
		ArticleAnalysis analysis = enricher.enrich(
				new ArticleText("Ferry strike ends",
						"Crews returned to work on Monday, the union said. “It is over,” a spokesman added.", "en"),
				DAY);

		assertThat(analysis.wordCount()).isEqualTo(3 + 15);
		assertThat(analysis.sentenceCount()).isEqualTo(2);
	}

	@Test
	void readingTimeFollowsTheBodyLength() {
		String minuteOfReading = "word ".repeat(Enricher.WORDS_PER_MINUTE).strip() + ".";

		ArticleAnalysis analysis = enricher.enrich(new ArticleText("Headline", minuteOfReading, "en"), DAY);

		assertThat(analysis.readingTimeSeconds()).isEqualTo(60);
	}

	@Test
	void aDeclaredLanguageIsTrusted() {
		ArticleAnalysis analysis = enricher.enrich(new ArticleText("Headline", "Some English text for the test.", "de"),
				DAY);

		assertThat(analysis.language()).isEqualTo("de");
		assertThat(analysis.languageConfidence()).isEqualTo(1.0);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"en|The city council approved the new budget on Tuesday after a long debate about bus routes and schools.",
			"fr|Le conseil municipal a approuvé mardi le nouveau budget après un long débat sur les lignes de bus.",
			"de|Der Stadtrat hat am Dienstag nach einer langen Debatte über Buslinien den neuen Haushalt beschlossen.",
			"es|El ayuntamiento aprobó el martes el nuevo presupuesto tras un largo debate sobre las líneas de autobús." })
	void detectsTheLanguageWhenNoneIsDeclared(String expected, String body) {
		ArticleAnalysis analysis = enricher.enrich(new ArticleText("—", body, null), DAY);

		assertThat(analysis.language()).isEqualTo(expected);
		assertThat(analysis.languageConfidence()).isBetween(0.0, 1.0);
	}

	@Test
	void aTextTooShortToTellIsUndetermined() {
		ArticleAnalysis analysis = enricher.enrich(new ArticleText("Hi", "Ok.", null), DAY);

		assertThat(analysis.language()).isEqualTo("und");
	}

}
