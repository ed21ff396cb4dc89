package io.pressline.enrich.nlp.ner;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DatelineTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			value = { "BRUSSELS — NATO ministers met.|BRUSSELS|BRUSSELS|",
					"KYIV, Ukraine — Sirens sounded.|KYIV, Ukraine|KYIV|Ukraine",
					"CAPE TOWN, South Africa — Astronomers said.|CAPE TOWN, South Africa|CAPE TOWN|South Africa",
					"BUENOS AIRES (Reuters) — Prices rose.|BUENOS AIRES (Reuters)|BUENOS AIRES|",
					"ST. JOHN’S, Canada — Snow fell.|ST. JOHN’S, Canada|ST. JOHN’S|Canada" })
	void readsTheDatelineAndItsPlaces(String body, String written, String city, String area) {
		String text = "Headline\n\n" + body;

		Optional<Dateline> dateline = Dateline.read(text, 10);

		assertThat(dateline).hasValueSatisfying((d) -> {
			assertThat(d.text()).isEqualTo(written);
			assertThat(d.places().get(0).text()).isEqualTo(city);
			assertThat(text.substring(d.places().get(0).start(), d.places().get(0).end())).isEqualTo(city);
			if (area != null) {
				assertThat(d.places().get(1).text()).isEqualTo(area);
			}
			else {
				assertThat(d.places()).hasSize(1);
			}
		});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "The council met on Monday — and agreed.", "NATO said on Monday it would act.", "A — B" })
	void aBodyWithoutDatelineHasNone(String body) {
		assertThat(Dateline.read("Headline\n\n" + body, 10)).isEmpty();
	}

}
