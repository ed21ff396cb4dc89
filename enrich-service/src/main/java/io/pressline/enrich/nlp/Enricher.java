package io.pressline.enrich.nlp;

import java.time.LocalDate;
import java.util.List;

import io.pressline.enrich.kb.KnowledgeBase;
import io.pressline.enrich.nlp.meta.ArticleParts;
import io.pressline.enrich.nlp.meta.Keyword;
import io.pressline.enrich.nlp.meta.KeywordExtractor;
import io.pressline.enrich.nlp.meta.Summarizer;
import io.pressline.enrich.nlp.meta.TopicClassifier;
import io.pressline.enrich.nlp.ner.CrfRecognizer;
import io.pressline.enrich.nlp.ner.Dateline;
import io.pressline.enrich.nlp.ner.Entity;
import io.pressline.enrich.nlp.ner.EntityExtractor;
import io.pressline.enrich.nlp.quote.QuoteFinder;

/**
 * The enrichment engine: from an article's text to what a downstream site needs to know
 * about it. The text is segmented once; every later step works on those sentences and
 * tokens. Plain Java, thread-safe, no Kafka or Spring inside.
 */
public final class Enricher {

	/**
	 * Silent reading speed of adults for non-fiction, from Brysbaert's 2019 meta-analysis
	 * of 190 studies.
	 */
	public static final int WORDS_PER_MINUTE = 238;

	private final Segmenter segmenter;

	private final LanguageIdentifier languages;

	private final EntityExtractor entities;

	private final QuoteFinder quotes = new QuoteFinder();

	private final KeywordExtractor keywords = KeywordExtractor.english();

	private final TopicClassifier topics = TopicClassifier.iptc();

	private final Summarizer summarizer = new Summarizer();

	public Enricher(Segmenter segmenter, LanguageIdentifier languages, EntityExtractor entities) {
		this.segmenter = segmenter;
		this.languages = languages;
		this.entities = entities;
	}

	/** An engine with the models and knowledge base shipped on the classpath. */
	public static Enricher standard() {
		return new Enricher(Segmenter.english(), LanguageIdentifier.standard(),
				new EntityExtractor(CrfRecognizer.standard(), KnowledgeBase.standard()));
	}

	/**
	 * Enriches an article.
	 * @param article its text
	 * @param articleDate the day it is dated, against which relative dates are resolved
	 */
	public ArticleAnalysis enrich(ArticleText article, LocalDate articleDate) {
		Document document = this.segmenter.segment(article);
		LanguageIdentifier.DetectedLanguage language = (article.declaredLanguage() != null)
				? new LanguageIdentifier.DetectedLanguage(article.declaredLanguage(), 1.0)
				: this.languages.identify(document.text());
		int readingSeconds = (int) Math.ceil(document.bodyWordCount() * 60.0 / WORDS_PER_MINUTE);
		EntityExtractor.Extraction extraction = this.entities.extract(document, articleDate);
		List<Entity> entities = extraction.entities();
		ArticleParts parts = ArticleParts.read(document);
		List<Keyword> keywords = this.keywords.extract(document, entities);
		return new ArticleAnalysis(language.code(), language.confidence(), document.wordCount(), document.body().size(),
				readingSeconds, entities, this.quotes.find(document.text(), entities),
				extraction.dateline().map(Dateline::text).orElse(null), parts.byline(), parts.captions(), keywords,
				this.topics.classify(document),
				this.summarizer.summarize(document, entities, keywords, parts.captionSentences()));
	}

}
