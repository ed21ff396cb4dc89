package io.pressline.enrich.nlp;

/**
 * The text the enrichment works on.
 *
 * @param headline the headline
 * @param body the body, paragraphs separated by an empty line
 * @param declaredLanguage the ISO 639-1 language the editor declared, or {@code null}
 */
public record ArticleText(String headline, String body, String declaredLanguage) {

	/**
	 * Headline and body as one text; every offset the enrichment reports is into this
	 * text.
	 */
	public String fullText() {
		return this.headline + "\n\n" + this.body;
	}

	/** Offset at which the body starts in {@link #fullText()}. */
	public int bodyOffset() {
		return this.headline.length() + 2;
	}

}
