package io.pressline.enrich.nlp;

/**
 * A token of the article text with its character offsets.
 *
 * @param text the token as it appears
 * @param start offset of its first character in the article text
 * @param end offset just past its last character
 */
public record Token(String text, int start, int end) {

	/**
	 * Whether the token is a word a reader reads (it has a letter or a digit), not
	 * punctuation.
	 */
	public boolean isWord() {
		for (int i = 0; i < this.text.length(); i++) {
			if (Character.isLetterOrDigit(this.text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

}
