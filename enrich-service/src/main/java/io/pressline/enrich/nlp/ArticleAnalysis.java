package io.pressline.enrich.nlp;

import java.util.List;

import io.pressline.enrich.nlp.meta.ArticleParts;
import io.pressline.enrich.nlp.meta.Keyword;
import io.pressline.enrich.nlp.meta.Topic;
import io.pressline.enrich.nlp.ner.Entity;
import io.pressline.enrich.nlp.quote.Quote;

/**
 * What the enrichment found in one article.
 *
 * @param language ISO 639-1 language, declared by the editor or detected
 * @param languageConfidence 1 for a declared language, the detector's confidence
 * otherwise
 * @param wordCount words in headline and body
 * @param sentenceCount sentences in the body
 * @param readingTimeSeconds time to read the body at {@value Enricher#WORDS_PER_MINUTE}
 * words a minute
 * @param entities people, organisations, places, dates and amounts, most salient first
 * @param quotes direct quotations with their speakers, in order
 * @param dateline the dateline as written ({@code KYIV, Ukraine}), or {@code null}
 * @param byline a byline found at the top of the body, or {@code null}
 * @param captions photo captions with their credits
 * @param keywords ranked keywords, best first
 * @param topics IPTC Media Topics, best first
 * @param summary an extractive summary of about 60 words
 */
public record ArticleAnalysis(String language, double languageConfidence, int wordCount, int sentenceCount,
		int readingTimeSeconds, List<Entity> entities, List<Quote> quotes, String dateline, String byline,
		List<ArticleParts.Caption> captions, List<Keyword> keywords, List<Topic> topics, String summary) {

	public ArticleAnalysis {
		entities = List.copyOf(entities);
		quotes = List.copyOf(quotes);
		captions = List.copyOf(captions);
		keywords = List.copyOf(keywords);
		topics = List.copyOf(topics);
	}

}
