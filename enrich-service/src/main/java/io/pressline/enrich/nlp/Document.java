package io.pressline.enrich.nlp;

import java.util.List;

/**
 * An article segmented once into sentences and tokens; every later step of the enrichment
 * works on this, so nothing is tokenised twice.
 *
 * @param article the article
 * @param text the full text all offsets refer to
 * @param headline the headline's sentence(s)
 * @param body the body's sentences
 */
public record Document(ArticleText article, String text, List<Sentence> headline, List<Sentence> body) {

	public Document {
		headline = List.copyOf(headline);
		body = List.copyOf(body);
	}

	/** Words (tokens with a letter or digit) in headline and body. */
	public int wordCount() {
		return (int) (countWords(this.headline) + countWords(this.body));
	}

	private static long countWords(List<Sentence> sentences) {
		return sentences.stream().flatMap((s) -> s.tokens().stream()).filter(Token::isWord).count();
	}

	/** Words in the body alone. */
	public int bodyWordCount() {
		return (int) countWords(this.body);
	}

}
