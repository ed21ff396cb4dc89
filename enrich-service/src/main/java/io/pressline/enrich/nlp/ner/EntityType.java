package io.pressline.enrich.nlp.ner;

/** The kinds of entity the engine finds. */
public enum EntityType {

	PERSON, ORGANIZATION, LOCATION, DATE, MONEY

}
