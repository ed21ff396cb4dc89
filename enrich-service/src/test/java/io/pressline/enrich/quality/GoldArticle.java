package io.pressline.enrich.quality;

import java.time.LocalDate;
import java.util.List;

import io.pressline.enrich.nlp.ArticleText;
import io.pressline.enrich.nlp.ner.EntityType;

/**
 * One annotated article of the gold set.
 *
 * @param name file name
 * @param article the text, as the engine is given it
 * @param date the article's date
 * @param mentions every annotated entity mention, offsets into
 * {@link ArticleText#fullText()}
 * @param quotes every quotation and its speaker
 * @param topics IPTC top-level topic labels, most central first
 */
public record GoldArticle(String name, ArticleText article, LocalDate date, List<Mention> mentions, List<Quote> quotes,
		List<String> topics) {

	/**
	 * An annotated mention.
	 *
	 * @param start first character
	 * @param end just past the last character
	 * @param text the text
	 * @param type its type
	 * @param canonical canonical form per the guidelines ({@code Kyiv, UA},
	 * {@code 2026-03-10})
	 */
	public record Mention(int start, int end, String text, EntityType type, String canonical) {
	}

	/**
	 * An annotated quotation.
	 *
	 * @param opening its first words
	 * @param speaker canonical name of its speaker, or {@code null} for none
	 */
	public record Quote(String opening, String speaker) {
	}

}
