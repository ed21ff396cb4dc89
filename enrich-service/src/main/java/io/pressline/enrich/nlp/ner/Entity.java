package io.pressline.enrich.nlp.ner;

import java.util.List;

/**
 * One thing the article names, with every mention of it.
 *
 * @param name canonical name: full name of a person, official name of an organisation,
 * the knowledge base's name of a place, ISO 8601 of a date, {@code 120000000 EUR} for
 * money
 * @param type its type
 * @param id stable id: from the knowledge base when linked ({@code geonames:703448},
 * {@code iso3166-1:UA}, {@code wikidata:Q7184}, {@code kb:nato}), otherwise a
 * deterministic local id ({@code local:person:3f1a9c0b2d4e})
 * @param uri public URI of the id, or {@code null}
 * @param linked whether the id comes from the knowledge base
 * @param salience how central it is to the article, from 0 to 1
 * @param about whether the article is about it rather than merely mentioning it
 * @param country ISO 3166-1 country, where known
 * @param latitude latitude of a place, where known
 * @param longitude longitude of a place, where known
 * @param mentions every mention, in order
 */
public record Entity(String name, EntityType type, String id, String uri, boolean linked, double salience,
		boolean about, String country, Double latitude, Double longitude, List<Mention> mentions) {

	public Entity {
		mentions = List.copyOf(mentions);
	}

}
