package io.pressline.enrich.nlp.quote;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.pressline.enrich.nlp.ner.Entity;
import io.pressline.enrich.nlp.ner.EntityType;
import io.pressline.enrich.nlp.ner.Mention;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link QuoteFinder} attributes quotations, one case per test, on sentences written
 * for the test with the entities a recognizer would have found in them.
 */
class QuoteFinderTests {

	private final QuoteFinder quotes = new QuoteFinder();

	@Test
	void aSpeakerNamedAfterTheQuoteIsTheSpeaker() {
		String text = "“We will rebuild the jetty,” said Amara Diallo.";

		assertThat(speakers(text, person(text, "Amara Diallo"))).containsExactly("Amara Diallo");
	}

	@Test
	void aRoleNounSpeakerIsTheLastPersonNamedWithThatRole() {
		String text = "Coach Amara Diallo picked a young side. Ines Sola, a fan, was worried.\n\n"
				+ "“We train at dawn, and it shows,” the coach said.";

		assertThat(speakers(text, person(text, "Amara Diallo"), person(text, "Ines Sola")))
			.containsExactly("Amara Diallo");
	}

	@Test
	void aRoleNounSpeakerIsTheOrganisationWhoseNameHoldsIt() {
		String text = "The Ministry of Water and Sanitation published its plan. Ines Sola read it.\n\n"
				+ "“The pipes are older than the city,” the ministry said in a statement.";

		assertThat(speakers(text, organisation(text, "Ministry of Water and Sanitation"), person(text, "Ines Sola")))
			.containsExactly("Ministry of Water and Sanitation");
	}

	@Test
	void aPronounSpeakerIsTheLastPersonNamed() {
		String text = "Tomasz Wrona runs the ferry. “The river is lower every year,” he said.";

		assertThat(speakers(text, person(text, "Tomasz Wrona"))).containsExactly("Tomasz Wrona");
	}

	@Test
	void aQuoteIntroducedByAColonIsTheSentenceSubjectsWhateverTheVerb() {
		String text = "Rahel Tesfaye, who sells coffee by the road, was blunt: “Nobody asked us.”";

		assertThat(speakers(text, person(text, "Rahel Tesfaye"))).containsExactly("Rahel Tesfaye");
	}

	@Test
	void aColonSentenceOpenedByAPronounPointsBackToTheLastPerson() {
		String text = "Rahel Tesfaye has sold coffee there for years. Her verdict was short: “It is over.”";

		assertThat(speakers(text, person(text, "Rahel Tesfaye"))).containsExactly("Rahel Tesfaye");
	}

	@Test
	void aQuoteAfterAccordingToAtTheStartOfASentenceIsTheirs() {
		String text = "The panel met on Friday. According to Olga Marek, “the vote was never in doubt.”";

		assertThat(speakers(text, person(text, "Olga Marek"))).containsExactly("Olga Marek");
	}

	@Test
	void aQuoteThatOpensTheNextParagraphContinuesTheSpeaker() {
		String text = "“The dam is full,” said Olga Marek.\n\n“We open the gates at noon.”";

		assertThat(speakers(text, person(text, "Olga Marek"))).containsExactly("Olga Marek", "Olga Marek");
	}

	@Test
	void aQuoteLeftOpenAtTheEndOfItsParagraphIsTheSpeakersOfItsNextPart() {
		String text = "The ferry stopped in May.\n\n“We waited three days for the part.\n\n"
				+ "“Then we waited again,” said Olga Marek.";

		assertThat(speakers(text, person(text, "Olga Marek"))).containsExactly("Olga Marek", "Olga Marek");
	}

	@Test
	void theBenchIsTheCourtWhoseRulingIsQuoted() {
		String text = "The Sindh High Court heard the petition. Ines Sola argued for the city.\n\n"
				+ "“The widening of a drain is no licence to evict,” the bench wrote.";

		assertThat(speakers(text, organisation(text, "Sindh High Court"), person(text, "Ines Sola")))
			.containsExactly("Sindh High Court");
	}

	@Test
	void theCompanyIsTheLastCompanyNamedNotThePublicBody() {
		String text = "Kapu Foods Ltd asked the Ministry of Trade for a licence.\n\n"
				+ "“We will keep delivering,” the company said.";

		assertThat(speakers(text, organisation(text, "Kapu Foods Ltd"), organisation(text, "Ministry of Trade")))
			.containsExactly("Kapu Foods Ltd");
	}

	@Test
	void whatSomeoneCalledSomethingInQuotesIsTheirs() {
		String text = "Zainab Memon called the order “a floor, not a ceiling” for what the city owed.";

		assertThat(speakers(text, person(text, "Zainab Memon"))).containsExactly("Zainab Memon");
	}

	@Test
	void aFeatureVerbInThePresentTenseAttributes() {
		String text = "“The river gives and the river takes,” explains Olga Marek.";

		assertThat(speakers(text, person(text, "Olga Marek"))).containsExactly("Olga Marek");
	}

	@Test
	void itSaidIsTheOrganisationLastNamed() {
		String text = "The Ministry of Water published its plan.\n\n“The pipes are older than the city,” it said.";

		assertThat(speakers(text, organisation(text, "Ministry of Water"))).containsExactly("Ministry of Water");
	}

	@Test
	void itSaidAfterARoleNounSubjectIsThatBody() {
		String text = "The Lagos State Building Control Agency lost to Waterside Traders Voice. In a statement, "
				+ "the agency said it would study the judgment. “We remain committed to the drains,” it said.";

		assertThat(speakers(text, organisation(text, "Lagos State Building Control Agency"),
				organisation(text, "Waterside Traders Voice")))
			.containsExactly("Lagos State Building Control Agency");
	}

	@Test
	void aPronounAfterAPhraseOpeningTheSentencePointsBack() {
		String text = "Rahel Tesfaye spoke last. Outside the town hall, she said: “Nobody asked us.”";

		assertThat(speakers(text, person(text, "Rahel Tesfaye"))).containsExactly("Rahel Tesfaye");
	}

	@Test
	void aPronounPointsBackToTheSubjectOfTheSentenceNotItsLastName() {
		String text = "Prosecutor Megan Osei told the court that Graham Whit had forged the forms. "
				+ "“He treated their savings as his own,” she said.";

		assertThat(speakers(text, person(text, "Megan Osei"), person(text, "Graham Whit")))
			.containsExactly("Megan Osei");
	}

	@Test
	void anAbbreviatedTitleEndsNoSentence() {
		String text = "“The law is clear,” Dr. Chinedu Okafor, who led the survey, said.";

		assertThat(speakers(text, person(text, "Chinedu Okafor"))).containsExactly("Chinedu Okafor");
	}

	@Test
	void aFullStopAfterTheClosingMarkEndsTheAttribution() {
		String text = "Col. Hassan Idris told reporters that the army would respect the truce “as long as the "
				+ "other side does”. Yousif Issa, an adviser to the rebels, said they would too.";

		assertThat(speakers(text, person(text, "Hassan Idris"), person(text, "Yousif Issa")))
			.containsExactly("Hassan Idris");
	}

	@Test
	void aPersonInTheAttributionWinsOverTheOrganisationBesideThem() {
		String text = "The UML chief whip, Ram Oli, told reporters the offers were “crumbs from the table”.";

		assertThat(speakers(text, organisation(text, "UML"), person(text, "Ram Oli"))).containsExactly("Ram Oli");
	}

	@Test
	void aTermTheTownKnowsSomethingAsIsAScareQuote() {
		String text = "The garage, known in town as “de Kolos”, is half empty, the Municipality of Zwolle said.";

		assertThat(speakers(text, organisation(text, "Municipality of Zwolle"))).containsExactly((String) null);
	}

	@Test
	void aColonSentenceNamingNobodyButWithAPronounPointsBack() {
		String text = "Lukas Aigner studies the river. The flood was, in his words, a warning: “The statistics are old.”";

		assertThat(speakers(text, person(text, "Lukas Aigner"))).containsExactly("Lukas Aigner");
	}

	@Test
	void theCoOperativeIsTheBodyWhoseNameSaysSoInItsOwnLanguage() {
		String text = "Savon Osuusmeijeri cut its price again.\n\n“We are passing on a market,” the co-operative said.";

		assertThat(speakers(text, organisation(text, "Savon Osuusmeijeri"))).containsExactly("Savon Osuusmeijeri");
	}

	@Test
	void aRoleNounMatchesANameWrittenWithAccents() {
		String text = "The Fédération Sénégalaise de Football met on Monday.\n\n"
				+ "“The club has until June,” the federation said.";

		assertThat(speakers(text, organisation(text, "Fédération Sénégalaise de Football")))
			.containsExactly("Fédération Sénégalaise de Football");
	}

	@Test
	void namesInThePreviousQuotesAttributionAreNoNewSpeaker() {
		String text = "“It used to be old men,” said Anna Lindholm, who founded the club with Per Holm. "
				+ "“Now I have teenagers booking at six.”";

		assertThat(speakers(text, person(text, "Anna Lindholm"), person(text, "Per Holm")))
			.containsExactly("Anna Lindholm", "Anna Lindholm");
	}

	@Test
	void aTermOftenCalledTheSomethingIsAScareQuote() {
		String text = "High blood pressure, often called the “silent killer”, affects a billion adults, "
				+ "according to the World Health Organization.";

		assertThat(speakers(text, organisation(text, "World Health Organization"))).containsExactly((String) null);
	}

	@Test
	void aScareQuoteHasNoSpeaker() {
		String text = "Olga Marek backed the so-called “green corridor” on Monday.";

		assertThat(speakers(text, person(text, "Olga Marek"))).containsExactly((String) null);
	}

	@Test
	void anOrganisationQualifyingARoleGivesThePersonNamedAfterIt() {
		String text = "“The cranes arrive in June,” said the KPA managing director, Halima Said Omar.";

		assertThat(speakers(text, organisation(text, "KPA"), person(text, "Halima Said Omar")))
			.containsExactly("Halima Said Omar");
	}

	@Test
	void anOrganisationQualifyingARoleWithNoNameAfterItGivesTheLastSubject() {
		String text = "Tunde Bakare-Ojo said the count was slow. “We accept the result,” said the NPP candidate.";

		assertThat(speakers(text, person(text, "Tunde Bakare-Ojo"), organisation(text, "NPP")))
			.containsExactly("Tunde Bakare-Ojo");
	}

	@Test
	void aPronounPointsPastAPossessorToThePersonTheSentenceIsAbout() {
		String text = "Viktor Halloran’s widow, Maeve Corcoran, lives by the pier. She said: “He knew the risks.”";

		assertThat(speakers(text, person(text, "Viktor Halloran"), person(text, "Maeve Corcoran")))
			.containsExactly("Maeve Corcoran");
	}

	@Test
	void sheIsTheWomanTheArticleCallsSoNotTheLastManNamed() {
		String text = "Dorota Wilk, who runs the bakery, said she would stay open. Her husband, Marek Wilk, drives the van.\n\n"
				+ "“We bake at four,” she said.";

		assertThat(speakers(text, person(text, "Dorota Wilk"), person(text, "Marek Wilk")))
			.containsExactly("Dorota Wilk");
	}

	@Test
	void heSkipsAPersonAPronounShowedToBeAWoman() {
		String text = "Ilka Varga said she had waited all night. Tamas Bodi said his shop had flooded.\n\n"
				+ "Bodi and Varga will meet the mayor.\n\n“We need pumps,” he said.";

		assertThat(speakers(text, person(text, "Ilka Varga"), person(text, "Tamas Bodi")))
			.containsExactly("Tamas Bodi");
	}

	@Test
	void anHonorificGivesAPersonsGender() {
		String text = "Mr Osei Bonsu met Ama Tetteh on Monday.\n\n“The road must wait,” she said.";

		assertThat(speakers(text, person(text, "Osei Bonsu"), person(text, "Ama Tetteh")))
			.containsExactly("Ama Tetteh");
	}

	@Test
	void whenBothFitThePronounIsTheLastPersonNamed() {
		String text = "Pavel Horak and Jana Novotna signed the lease on Friday.\n\n“It took a year,” she said.";

		assertThat(speakers(text, person(text, "Pavel Horak"), person(text, "Jana Novotna")))
			.containsExactly("Jana Novotna");
	}

	@Test
	void aSentenceOpenedByTheSamePronounHandsTheReferenceOn() {
		String text = "Lena Sauer said she had offered a raise. She met Jonas Brandt in the evening. "
				+ "Leaving the hall, she told reporters: “We offered ten percent.”";

		assertThat(speakers(text, person(text, "Lena Sauer"), person(text, "Jonas Brandt")))
			.containsExactly("Lena Sauer");
	}

	@Test
	void aColonEndingTheParagraphBeforeIntroducesTheQuotation() {
		String text = "Ines Sola, a nurse, spoke to the committee. She said:\n\n“The ward has one nurse at night.”";

		assertThat(speakers(text, person(text, "Ines Sola"))).containsExactly("Ines Sola");
	}

	@Test
	void aRoleNounAfterACapitalTheIsARoleSpeaker() {
		String text = "The district commander, Superintendent Amara Diallo, spoke at noon. "
				+ "The commander said: “Nobody fights in the street.”";

		assertThat(speakers(text, person(text, "Amara Diallo"))).containsExactly("Amara Diallo");
	}

	@Test
	void aQuotedFragmentFarIntoReportedSpeechIsTheReportersSpeakers() {
		String text = "The Ministry of Ports said in a statement on Tuesday evening that a decision on the new berths"
				+ " would be taken “in the coming weeks”.";

		assertThat(speakers(text, organisation(text, "Ministry of Ports"))).containsExactly("Ministry of Ports");
	}

	@Test
	void aNamedThingFarIntoReportedSpeechHasNoSpeaker() {
		String text = "Prosecutor Ines Sola told the court that the workers went from door to door in the valley"
				+ " with leaflets offering a “gutter check”.";

		assertThat(speakers(text, person(text, "Ines Sola"))).containsOnlyNulls();
	}

	@Test
	void aBannerReadingWordsQuotesNobody() {
		String text = "Outside, members of Clean Rivers Now held a banner reading “Who cleans the cleaners?”";

		assertThat(speakers(text, organisation(text, "Clean Rivers Now"))).containsOnlyNulls();
	}

	@Test
	void aTermThatUnnamedPeopleCallSomethingQuotesNobody() {
		String text = "The Harbour Court described what dock workers called the “dark shift”: cargo moved at night.";

		assertThat(speakers(text, organisation(text, "Harbour Court"))).containsOnlyNulls();
	}

	@Test
	void aTermABodyNamedByItsRoleCallsSomethingIsThatBodys() {
		String text = "The Reserve Bank of Lakeland published rules, which the bank calls “open ledgers”, on Monday.";

		assertThat(speakers(text, organisation(text, "Reserve Bank of Lakeland")))
			.containsExactly("Reserve Bank of Lakeland");
	}

	@Test
	void aQuotationFromAStatementIsTheOrganisationThatIssuedIt() {
		String text = "Rui Sousa met officials of the Ministry of Fisheries. The ministry said in a statement that it"
				+ " would pay boat owners. “No boat will be left idle,” the statement said.";

		assertThat(speakers(text, person(text, "Rui Sousa"), organisation(text, "Ministry of Fisheries")))
			.containsExactly("Ministry of Fisheries");
	}

	@Test
	void aQuotationFromAReportIsTheBodyItIsBy() {
		String text = "The closure follows a report by researchers at the Northern Sea Institute. Its author, Ines Sola,"
				+ " tagged the fish.\n\n“The stock is close to gone,” the report said.";

		assertThat(speakers(text, organisation(text, "Northern Sea Institute"), person(text, "Ines Sola")))
			.containsExactly("Northern Sea Institute");
	}

	@Test
	void aPronounAboutSomeoneElseGivesTheSubjectNoGender() {
		String text = "Ana Lopes won the stage. Tomas Ruiz found her at a village race, where she rode in jeans."
				+ " He said: “She climbs well.”";

		assertThat(speakers(text, person(text, "Ana Lopes"), person(text, "Tomas Ruiz"))).containsExactly("Tomas Ruiz");
	}

	@Test
	void aRoleNounSpeakerIsThePersonNamedNearestTheRoleWord() {
		String text = "The parish priest, Father Gennaro Russo, said Mass with the bishop, Monsignor Aldo Conti.\n\n"
				+ "“Today they came inside,” the priest said.";

		assertThat(speakers(text, person(text, "Gennaro Russo"), person(text, "Aldo Conti")))
			.containsExactly("Gennaro Russo");
	}

	@Test
	void aTermAnOrganisationCallsByItIsTheOrganisations() {
		String text = "Kim Ana spoke first. The Association of Small Wine Producers has proposed what it calls a"
				+ " “wine carriage” shared by several cellars.";

		assertThat(speakers(text, person(text, "Kim Ana"), organisation(text, "Association of Small Wine Producers")))
			.containsExactly("Association of Small Wine Producers");
	}

	@Test
	void aTermThatABodyNamedByItsRoleCallsIsTheBodys() {
		String text = "The Saltos Cooperative signed the deal. Its treasurer, Teodoro Flores, said the families would"
				+ " buy a machine that the cooperative calls “la señora”.";

		assertThat(speakers(text, organisation(text, "Saltos Cooperative"), person(text, "Teodoro Flores")))
			.containsExactly("Saltos Cooperative");
	}

	@Test
	void aQuotedWordGlossedAsATermHasNoSpeaker() {
		String text = "Lim Hui Min said the fund had backed the firm. The agency has warned about printed cloth sold"
				+ " as “batik tulis”, the term for work drawn by hand with wax.";

		assertThat(speakers(text, person(text, "Lim Hui Min"))).containsExactly((String) null);
	}

	@Test
	void aBenchHeadedByAJudgeSpeaksForItsCourt() {
		String text = "The Sindh High Court gave the utility 30 days.\n\nA two-judge bench headed by Justice Zafar Naqvi"
				+ " said the utility had “failed in its most basic duty” by selling water.";

		assertThat(speakers(text, organisation(text, "Sindh High Court"), person(text, "Zafar Naqvi")))
			.containsExactly("Sindh High Court");
	}

	@Test
	void theSubjectAfterAnOpeningPhraseIsTheSpeaker() {
		String text = "The Tribunal of Palermo convicted nine men. Marcella Conti read the verdict.\n\n"
				+ "In the written reasons, the court said the racket had “turned a market into a toll booth”.";

		assertThat(speakers(text, organisation(text, "Tribunal of Palermo"), person(text, "Marcella Conti")))
			.containsExactly("Tribunal of Palermo");
	}

	@Test
	void anInsurerIsNoPersonWhoseSentenceNamesIt() {
		String text = "The lawyer, Maria Pinho, said the insurer’s own inspectors had seen the yard.\n\n"
				+ "The insurer said in a statement that it had “honoured every obligation in the contract”.";

		assertThat(speakers(text, person(text, "Maria Pinho"))).containsExactly((String) null);
	}

	@Test
	void aReportNoSentenceIntroducesIsTheBodyNamedJustBefore() {
		String text = "The committee was set up by the Department of Inspection for Factories.\n\n"
				+ "“The exits were locked to stop theft,” the report said.";

		assertThat(speakers(text, organisation(text, "Department of Inspection for Factories")))
			.containsExactly("Department of Inspection for Factories");
	}

	@Test
	void aTermUnnamedPeopleCallSomethingHasNoSpeaker() {
		String text = "Rodolfo Abellana said fishers called the mangroves “the nursery”. Residents call it “the smoke bowl”.";

		assertThat(speakers(text, person(text, "Rodolfo Abellana"))).containsExactly(null, null);
	}

	@Test
	void aQuotationTheAttributionInterruptsGoesOnWithTheSameSpeaker() {
		String text = "“We rowed the last length with our eyes shut,” said Ane Miren Arrizabalaga, the crew’s stroke,"
				+ " “because nobody wanted to see how close they were.”";

		assertThat(speakers(text, person(text, "Ane Miren Arrizabalaga"))).containsExactly("Ane Miren Arrizabalaga",
				"Ane Miren Arrizabalaga");
	}

	@Test
	void aQuotationInTheHeadlineIsTheSpeakersWhoseWordsTheBodyGives() {
		String text = "“We fish in a garden now”: weed chokes the gulf\n\n"
				+ "Jared Ouma sat on his canoe. “We fish in a garden now. The boat goes ten metres,” he said.";

		assertThat(speakers(text, person(text, "Jared Ouma"))).containsExactly("Jared Ouma", "Jared Ouma");
	}

	@Test
	void aFullStopInsideACompanysNameEndsNoSentence() {
		String text = "Boka Marine Agency d.o.o. said in a statement that the change came “without consultation”.";

		assertThat(speakers(text, organisation(text, "Boka Marine Agency d.o.o.")))
			.containsExactly("Boka Marine Agency d.o.o.");
	}

	@Test
	void aRoleNamedInTheNextSentenceIsTheSpeaker() {
		String text = "“We cannot pay four times what we paid,” said the lieutenant governor of the community. The"
				+ " official, Eusebio Puma Ccori, has led the protest.";

		assertThat(speakers(text, person(text, "Eusebio Puma Ccori"))).containsExactly("Eusebio Puma Ccori");
	}

	@Test
	void accordingToARoleNamedInAppositionIsThatPerson() {
		String text = "According to the company’s lawyer, Ricardo Nogueira, the land was bought lawfully and “has no"
				+ " registered religious use”.";

		assertThat(speakers(text, person(text, "Ricardo Nogueira"))).containsExactly("Ricardo Nogueira");
	}

	@Test
	void aQuotationStandingAloneAfterASentenceAboutAPersonIsTheirs() {
		String text = "Not everyone agrees. Manuel Ramírez, who runs a bar, wants no public money spent on the stadium."
				+ " “Our streets need fixing before the stands do.”";

		assertThat(speakers(text, person(text, "Manuel Ramírez"))).containsExactly("Manuel Ramírez");
	}

	@Test
	void aGivenNamesGenderDecidesAPronounTheArticleLeavesOpen() {
		String text = "Giorgi Mchedlidze leads a neighbourhood group. Mchedlidze and Mariam Beridze will speak on Friday.\n\n"
				+ "“We are glad of the jobs,” he said.";

		assertThat(speakers(text, person(text, "Giorgi Mchedlidze"), person(text, "Mariam Beridze")))
			.containsExactly("Giorgi Mchedlidze");
	}

	@Test
	void aDocumentItsOwnerIsNamedByIsTheOwners() {
		String text = "The Ministry of Ecology raised the quota. “The quota may be increased further,” the ministry’s order"
				+ " said.";

		assertThat(speakers(text, organisation(text, "Ministry of Ecology"))).containsExactly("Ministry of Ecology");
	}

	@Test
	void itsDocumentSpeaksForTheBodyTheSentenceBeforeOpenedWith() {
		String text = "The Agência Nacional de Mineração said cracks had appeared on the Grota Funda dam. Its inspection"
				+ " report found “a safety factor below the legal minimum” after the rain.";

		assertThat(
				speakers(text, organisation(text, "Agência Nacional de Mineração"), organisation(text, "Grota Funda")))
			.containsExactly("Agência Nacional de Mineração");
	}

	private List<String> speakers(String text, Entity... entities) {
		List<String> speakers = new ArrayList<>();
		this.quotes.find(text, List.of(entities)).forEach((quote) -> speakers.add(quote.speaker()));
		return speakers;
	}

	private static Entity person(String text, String name) {
		return entity(text, name, EntityType.PERSON);
	}

	private static Entity organisation(String text, String name) {
		return entity(text, name, EntityType.ORGANIZATION);
	}

	/** An entity with a mention wherever its name is written in the text. */
	private static Entity entity(String text, String name, EntityType type) {
		List<Mention> mentions = new ArrayList<>();
		for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
			mentions.add(new Mention(at, at + name.length(), name, type));
		}
		return new Entity(name, type, "local:" + name, null, false, 1, true, null, null, null, mentions);
	}

}
