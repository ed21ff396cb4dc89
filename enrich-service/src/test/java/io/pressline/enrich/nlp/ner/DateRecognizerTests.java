package io.pressline.enrich.nlp.ner;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DateRecognizerTests {

	/** A Wednesday. */
	private static final LocalDate ARTICLE_DATE = LocalDate.of(2026, 3, 11);

	private final DateRecognizer dates = new DateRecognizer();

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "The vote was held on March 14, 2025.|March 14, 2025|2025-03-14",
			"Talks resume on 14 March.|14 March|2026-03-14", "Smoke over the city on Feb. 27.|Feb. 27|2026-02-27",
			"The plant opened in October 2024.|October 2024|2024-10", "It was founded in 2019.|2019|2019",
			"The minister resigned on Monday.|Monday|2026-03-09",
			"The minister resigned on Wednesday.|Wednesday|2026-03-11",
			"The council will vote on Friday.|Friday|2026-03-13", "Talks start next Tuesday.|next Tuesday|2026-03-17",
			"He spoke last Wednesday.|last Wednesday|2026-03-04", "The ferry sank yesterday.|yesterday|2026-03-10",
			"Prices rose last month.|last month|2026-02", "Elections are due next year.|next year|2027",
			"In late December the river froze.|December|-" })
	void findsAndNormalisesDates(String sentence, String surface, String value) {
		List<Mention> found = this.dates.recognize(sentence, List.of(new int[] { 0, sentence.length() }), ARTICLE_DATE);

		if (value.equals("-")) {
			assertThat(found).isEmpty();
			return;
		}
		assertThat(found).singleElement().satisfies((mention) -> {
			assertThat(mention.text()).isEqualTo(surface);
			assertThat(sentence.substring(mention.start(), mention.end())).isEqualTo(surface);
			assertThat(mention.type()).isEqualTo(EntityType.DATE);
			assertThat(mention.value()).isEqualTo(value);
		});
	}

	@Test
	void aDayMonthWithoutYearTakesTheNearestYear() {
		String text = "The festival ends on Dec. 30.";

		List<Mention> found = this.dates.recognize(text, List.of(new int[] { 0, text.length() }),
				LocalDate.of(2026, 1, 3));

		assertThat(found).extracting(Mention::value).containsExactly("2025-12-30");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "The crowd of 2,019 fans cheered.", "A rise of 2019 per cent.",
			"They may 3 times refuse.", "The march through the city was long.", "It costs $2024." })
	void ignoresNumbersAndWordsThatAreNotDates(String text) {
		assertThat(this.dates.recognize(text, List.of(new int[] { 0, text.length() }), ARTICLE_DATE)).isEmpty();
	}

}
