package io.pressline.enrich.nlp.ner;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Names {@link NameRules} finds by their shape, on sentences written for the test. */
class NameRulesTests {

	private final NameRules rules = new NameRules();

	@Test
	void aLongOfficialNameIsKeptAcrossCommasAndAnd() {
		assertThat(found("The Ministry of Environment, Urbanisation and Climate Change said so."))
			.contains("Ministry of Environment, Urbanisation and Climate Change|ORGANIZATION");
	}

	@Test
	void aLongOfficialNameWithItsHeadLastIsKeptWhole() {
		assertThat(found("He joined the Kenya Marine, Fisheries and Aquatic Research Institute in May."))
			.contains("Kenya Marine, Fisheries and Aquatic Research Institute|ORGANIZATION");
	}

	@Test
	void aWeekdayAfterOnIsNoPartOfTheName() {
		assertThat(found("The Commission on Tuesday published its report.")).noneMatch((m) -> m.contains("Tuesday"));
	}

	@Test
	void aRoadIsAPlaceWhateverLanguageItsGenericWordIsIn() {
		assertThat(found("Along Kibarani Road, Rue de la Gare and Jalan Perigi Nenas the shops closed."))
			.contains("Kibarani Road|LOCATION", "Rue de la Gare|LOCATION", "Jalan Perigi Nenas|LOCATION");
	}

	@Test
	void aCompanyNamedAfterARiverKeepsItsWholeName() {
		assertThat(found("Staff of Tana River Engineering Ltd walked out."))
			.contains("Tana River Engineering Ltd|ORGANIZATION");
	}

	@Test
	void aPossessiveEndsTheNameBeforeIt() {
		assertThat(found("Outside Marikiti Market’s gates, traders waited.")).contains("Marikiti Market|LOCATION");
	}

	private List<String> found(String text) {
		return this.rules.recognize(text).stream().map((m) -> m.text() + "|" + m.type()).toList();
	}

}
