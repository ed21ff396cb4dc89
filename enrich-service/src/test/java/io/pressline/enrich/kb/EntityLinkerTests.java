package io.pressline.enrich.kb;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.pressline.enrich.nlp.ner.EntityType;

import static org.assertj.core.api.Assertions.assertThat;

/** Linking people and organisations beyond the reviewed list, to Wikipedia. */
class EntityLinkerTests {

	private static final EntityLinker linker = new EntityLinker(KnowledgeBase.standard());

	private static Optional<Link> link(EntityType type, String name) {
		return linker.link(type, List.of(name), Set.of());
	}

	@Test
	void aWellKnownOrganisationByItsFullNameIsLinkedToItsWikipediaArticle() {
		Link link = link(EntityType.ORGANIZATION, "New York Stock Exchange").orElseThrow();
		assertThat(link.id()).isEqualTo("wikipedia:New_York_Stock_Exchange");
		assertThat(link.uri()).isEqualTo("https://en.wikipedia.org/wiki/New_York_Stock_Exchange");
		assertThat(link.name()).isEqualTo("New York Stock Exchange");
	}

	@Test
	void aWellKnownPersonByFullNameIsLinkedButNotBySurnameAlone() {
		assertThat(link(EntityType.PERSON, "Frida Kahlo")).map(Link::id).contains("wikipedia:Frida_Kahlo");
		assertThat(link(EntityType.PERSON, "Kahlo")).isEmpty();
	}

	@Test
	void aSingleWordIsLinkedOnlyWhenItIsTheArticlesOwnTitle() {
		assertThat(link(EntityType.ORGANIZATION, "Volkswagen")).map(Link::id).contains("wikipedia:Volkswagen");
		// Wagner the armed group is not Richard Wagner, whom most links of "Wagner" go
		// to.
		assertThat(link(EntityType.ORGANIZATION, "Wagner")).isEmpty();
	}

	@Test
	void anAcronymIsNotLinkedThroughWikipedia() {
		// Most links of CNC go to numerical control; in an article it is as often a
		// national film centre.
		assertThat(link(EntityType.ORGANIZATION, "CNC")).isEmpty();
	}

	@Test
	void aNameNobodyListedKeepsNoLink() {
		assertThat(link(EntityType.ORGANIZATION, "Kilimani Community Hospital")).isEmpty();
		assertThat(link(EntityType.PERSON, "Wanjiru Kamau-Odhiambo")).isEmpty();
	}

	@Test
	void theReviewedListComesBeforeWikipedia() {
		assertThat(link(EntityType.ORGANIZATION, "NATO")).map(Link::id)
			.hasValueSatisfying((id) -> assertThat(id).doesNotStartWith("wikipedia:"));
	}

}
