package io.pressline.enrich.nlp.quote;

/**
 * A direct quotation and who said it.
 *
 * @param text the words inside the quotation marks
 * @param start offset of the opening mark in the article text
 * @param end offset just past the closing mark (or the paragraph's end, if it stays open)
 * @param speaker canonical name of the speaker, or {@code null} for a quoted term nobody
 * says
 * @param speakerId id of the speaker's entity, or {@code null}
 * @param attribution how the speaker was found: {@code said}, {@code according-to},
 * {@code pronoun}, {@code continued} or {@code none}
 */
public record Quote(String text, int start, int end, String speaker, String speakerId, String attribution) {
}
