package io.pressline.enrich.nlp.ner;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.pressline.enrich.kb.EntityLinker;
import io.pressline.enrich.kb.KnowledgeBase;
import io.pressline.enrich.nlp.ArticleText;
import io.pressline.enrich.nlp.Document;
import io.pressline.enrich.nlp.Segmenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link EntityResolver} gathers mentions into entities: one name, one entity through
 * the article, whatever part of the name a later mention uses. Articles written for the
 * test.
 */
class EntityResolverTests {

	private static final Segmenter segmenter = Segmenter.english();

	private final EntityResolver resolver = new EntityResolver(new EntityLinker(KnowledgeBase.standard()));

	@Test
	void aFamilyNameThatComesFirstJoinsTheFullName() {
		assertThat(
				entities("Park Ji-won met the students. Later Park said the talks would go on.", "Park Ji-won", "Park"))
			.containsExactly("Park Ji-won: Park Ji-won, Park");
	}

	@Test
	void aGivenNameBeforeBinJoinsTheFullName() {
		assertThat(entities("Rosli bin Hamzah runs the depot. Rosli said the queue was short.", "Rosli bin Hamzah",
				"Rosli"))
			.containsExactly("Rosli bin Hamzah: Rosli bin Hamzah, Rosli");
	}

	@Test
	void aSurnameWithItsParticleJoinsTheFullNameInEitherCase() {
		assertThat(entities("Maria Lourdes dela Cruz moved 600 people. Dela Cruz stayed behind.",
				"Maria Lourdes dela Cruz", "Dela Cruz"))
			.containsExactly("Maria Lourdes dela Cruz: Maria Lourdes dela Cruz, Dela Cruz");
	}

	@Test
	void aHalfOfAHyphenatedSurnameJoinsTheFullName() {
		assertThat(entities("Akosua Frimpong-Manso farms cocoa. Manso said the trees were old.",
				"Akosua Frimpong-Manso", "Manso"))
			.containsExactly("Akosua Frimpong-Manso: Akosua Frimpong-Manso, Manso");
	}

	@Test
	void aShortFormGoesToTheNearestPersonItCouldBe() {
		assertThat(entities("Lim Wei Jie and Lim Chee Keong both spoke. Lim Chee Keong went first. Then Lim left.",
				"Lim Wei Jie", "Lim Chee Keong", "Lim Chee Keong", "Lim"))
			.containsExactly("Lim Wei Jie: Lim Wei Jie", "Lim Chee Keong: Lim Chee Keong, Lim Chee Keong, Lim");
	}

	@Test
	void aShorterOrganisationNameJoinsTheFullOne() {
		assertThat(entities("The General Election Commission met. The Election Commission said no.",
				"General Election Commission", "Election Commission"))
			.containsExactly("General Election Commission: General Election Commission, Election Commission");
	}

	@Test
	void anAcronymDefinedInBracketsJoinsTheFullName() {
		assertThat(entities("The Lake Basin Water Board (LBWB) met. The LBWB said no.", "Lake Basin Water Board",
				"LBWB", "LBWB"))
			.containsExactly("Lake Basin Water Board: Lake Basin Water Board, LBWB, LBWB");
	}

	@Test
	void aPlaceTheKnowledgeBaseDoesNotListIsInTheArticlesCountry() {
		Document document = segmenter.segment(new ArticleText("Headline", "Stalls at Mbwenitoto Market burned.", null));
		String text = document.text();
		int at = text.indexOf("Mbwenitoto Market");
		List<Mention> mentions = List
			.of(new Mention(at, at + "Mbwenitoto Market".length(), "Mbwenitoto Market", EntityType.LOCATION));

		assertThat(this.resolver.resolve(document, mentions, Set.of("TZ"))).singleElement()
			.extracting(Entity::country)
			.isEqualTo("TZ");
	}

	/**
	 * The entities of an article whose body is the sentence, written
	 * {@code name: mention, mention}, for the given mentions (people if the first
	 * mention's words look like a person's, organisations if the text has a generic word
	 * for them).
	 */
	private List<String> entities(String body, String... names) {
		Document document = segmenter.segment(new ArticleText("Headline", body, null));
		String text = document.text();
		List<Mention> mentions = new ArrayList<>();
		int from = document.article().bodyOffset();
		EntityType type = NameCues.typeOf(names[0]).orElse(EntityType.PERSON);
		for (String name : names) {
			int at = text.indexOf(name, from);
			mentions.add(new Mention(at, at + name.length(), name, type));
			from = at + name.length();
		}
		return this.resolver.resolve(document, mentions, Set.of())
			.stream()
			.sorted(java.util.Comparator.comparingInt((Entity e) -> e.mentions().get(0).start()))
			.map((e) -> e.name() + ": " + String.join(", ", e.mentions().stream().map(Mention::text).toList()))
			.toList();
	}

}
