package io.pressline.enrich.nlp;

import java.util.List;

/**
 * A sentence of the article text.
 *
 * @param start offset of its first character in the article text
 * @param end offset just past its last character
 * @param tokens its tokens, in order
 */
public record Sentence(int start, int end, List<Token> tokens) {

	public Sentence {
		tokens = List.copyOf(tokens);
	}

}
