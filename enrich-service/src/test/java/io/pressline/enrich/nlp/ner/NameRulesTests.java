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
	void aRomanceOfficialNameListingItsMembersIsKeptWhole() {
		assertThat(found("Members of the Sindicato Único de Trabajadores Rurales, Viñateros y Afines de Cuyo voted."))
			.contains("Sindicato Único de Trabajadores Rurales, Viñateros y Afines de Cuyo|ORGANIZATION");
	}

	@Test
	void aViaductIsAPlace() {
		assertThat(found("Traffic crossed the Sidi Rached Viaduct again.")).contains("Sidi Rached Viaduct|LOCATION");
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

	@Test
	void aBrandWrittenAsAWebAddressOrInCamelCaseIsAnOrganisation() {
		assertThat(found("Orders on kapu.co.tz and thuisHanze rose in May.")).contains("kapu.co.tz|ORGANIZATION",
				"thuisHanze|ORGANIZATION");
	}

	@Test
	void aGenericFirstNameAfterASentencesTheKeepsItsLinkWords() {
		assertThat(found("The Fédération Sénégalaise de Football said the ground was too small."))
			.contains("Fédération Sénégalaise de Football|ORGANIZATION");
	}

	@Test
	void aScoreIsNoPartOfAClubsName() {
		assertThat(found("They beat Tokomaru Bay United 24-19 at home.")).contains("Tokomaru Bay United|ORGANIZATION");
	}

	@Test
	void aCourtNamedWithItsDivisionIsOneName() {
		assertThat(found("The Court of Appeal, Lagos Division, set the notice aside."))
			.contains("Court of Appeal, Lagos Division|ORGANIZATION");
	}

	@Test
	void organisationAndPlaceWordsOfOtherLanguagesGiveTheType() {
		assertThat(found("The Kasegaon Gram Panchayat and Pedagang Pagi Bersatu met near Mangal Bazaar.")).contains(
				"Kasegaon Gram Panchayat|ORGANIZATION", "Pedagang Pagi Bersatu|ORGANIZATION", "Mangal Bazaar|LOCATION");
	}

	@Test
	void aNationalSportsBodyIsAnOrganisationNotItsCountry() {
		assertThat(found("In a statement, New Zealand Rugby said 38 clubs were damaged."))
			.contains("New Zealand Rugby|ORGANIZATION");
	}

	@Test
	void aWordOfAnOfficeThatOpensABodysNameStaysInIt() {
		assertThat(found("The General Election Commission and the Metropolitan Police met on Monday."))
			.contains("General Election Commission|ORGANIZATION", "Metropolitan Police|ORGANIZATION");
	}

	private List<String> found(String text) {
		return this.rules.recognize(text).stream().map((m) -> m.text() + "|" + m.type()).toList();
	}

}
