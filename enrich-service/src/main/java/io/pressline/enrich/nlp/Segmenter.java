package io.pressline.enrich.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.sentdetect.ThreadSafeSentenceDetectorME;
import opennlp.tools.tokenize.ThreadSafeTokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * Splits an article into paragraphs, sentences and tokens with Apache OpenNLP's English
 * models (Universal Dependencies English Web Treebank). A sentence never crosses a
 * paragraph break. Thread-safe.
 */
public final class Segmenter {

	private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");

	private final ThreadSafeSentenceDetectorME sentences;

	private final ThreadSafeTokenizerME tokenizer;

	public Segmenter(SentenceModel sentenceModel, TokenizerModel tokenizerModel) {
		this.sentences = new ThreadSafeSentenceDetectorME(sentenceModel);
		this.tokenizer = new ThreadSafeTokenizerME(tokenizerModel);
	}

	/** A segmenter with the English models shipped on the classpath. */
	public static Segmenter english() {
		try (InputStream sentence = resource("/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin");
				InputStream tokens = resource("/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin")) {
			return new Segmenter(new SentenceModel(sentence), new TokenizerModel(tokens));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot load the OpenNLP English models", ex);
		}
	}

	static InputStream resource(String name) {
		InputStream in = Segmenter.class.getResourceAsStream(name);
		if (in == null) {
			throw new IllegalStateException("Model " + name + " is not on the classpath");
		}
		return in;
	}

	/** Segments an article; offsets are into {@link ArticleText#fullText()}. */
	public Document segment(ArticleText article) {
		String text = article.fullText();
		List<Sentence> headline = segment(text, 0, article.headline().length());
		List<Sentence> body = new ArrayList<>();
		int paragraphStart = article.bodyOffset();
		Matcher breaks = PARAGRAPH_BREAK.matcher(text);
		breaks.region(paragraphStart, text.length());
		while (breaks.find()) {
			body.addAll(segment(text, paragraphStart, breaks.start()));
			paragraphStart = breaks.end();
		}
		body.addAll(segment(text, paragraphStart, text.length()));
		return new Document(article, text, headline, body);
	}

	private List<Sentence> segment(String text, int from, int to) {
		List<Sentence> result = new ArrayList<>();
		if (from >= to) {
			return result;
		}
		String paragraph = text.substring(from, to);
		for (Span sentenceSpan : this.sentences.sentPosDetect(paragraph)) {
			String sentence = sentenceSpan.getCoveredText(paragraph).toString();
			int sentenceStart = from + sentenceSpan.getStart();
			List<Token> tokens = new ArrayList<>();
			for (Span tokenSpan : this.tokenizer.tokenizePos(sentence)) {
				tokens.add(new Token(tokenSpan.getCoveredText(sentence).toString(),
						sentenceStart + tokenSpan.getStart(), sentenceStart + tokenSpan.getEnd()));
			}
			if (!tokens.isEmpty()) {
				result.add(new Sentence(sentenceStart, from + sentenceSpan.getEnd(), tokens));
			}
		}
		return result;
	}

}
