package io.pressline.enrich.nlp;

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
 */
public record ArticleAnalysis(String language, double languageConfidence, int wordCount, int sentenceCount,
		int readingTimeSeconds) {
}
