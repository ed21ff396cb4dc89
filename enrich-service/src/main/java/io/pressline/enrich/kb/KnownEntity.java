package io.pressline.enrich.kb;

import java.util.List;

import io.pressline.enrich.nlp.ner.EntityType;

/**
 * A person or organisation of the team's reviewed list.
 *
 * @param key the list's own key, such as {@code nato}
 * @param type PERSON or ORGANIZATION
 * @param name canonical name
 * @param aliases other names as they appear in text
 * @param wikidata Wikidata id where the team is certain of it, else {@code null}
 * @param country ISO 3166-1 country, or {@code null}
 */
public record KnownEntity(String key, EntityType type, String name, List<String> aliases, String wikidata,
		String country) {
}
