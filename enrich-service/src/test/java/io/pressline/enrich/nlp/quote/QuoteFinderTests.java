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
	void aScareQuoteHasNoSpeaker() {
		String text = "Olga Marek backed the so-called “green corridor” on Monday.";

		assertThat(speakers(text, person(text, "Olga Marek"))).containsExactly((String) null);
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
