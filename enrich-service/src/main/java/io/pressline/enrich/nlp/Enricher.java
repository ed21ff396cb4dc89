package io.pressline.enrich.nlp;

/**
 * The enrichment engine: from an article's text to what a downstream site needs to know
 * about it. Plain Java, thread-safe, no Kafka or Spring inside.
 */
public final class Enricher {

	/**
	 * Silent reading speed of adults for non-fiction, from Brysbaert's 2019 meta-analysis
	 * of 190 studies.
	 */
	public static final int WORDS_PER_MINUTE = 238;

	private final Segmenter segmenter;

	private final LanguageIdentifier languages;

	public Enricher(Segmenter segmenter, LanguageIdentifier languages) {
		this.segmenter = segmenter;
		this.languages = languages;
	}

	/** An engine with the models shipped on the classpath. */
	public static Enricher standard() {
		return new Enricher(Segmenter.english(), LanguageIdentifier.standard());
	}

	public ArticleAnalysis enrich(ArticleText article) {
		Document document = this.segmenter.segment(article);
		LanguageIdentifier.DetectedLanguage language = (article.declaredLanguage() != null)
				? new LanguageIdentifier.DetectedLanguage(article.declaredLanguage(), 1.0)
				: this.languages.identify(document.text());
		int readingSeconds = (int) Math.ceil(document.bodyWordCount() * 60.0 / WORDS_PER_MINUTE);
		return new ArticleAnalysis(language.code(), language.confidence(), document.wordCount(), document.body().size(),
				readingSeconds);
	}

}
