package io.pressline.enrich.nlp.meta;

/**
 * A word or phrase that says what the article is about.
 *
 * @param text the keyword, in lower case unless it is a name
 * @param score its weight, from 0 to 1 (the first keyword is 1)
 */
public record Keyword(String text, double score) {
}
