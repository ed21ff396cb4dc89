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

	private static final List<String> POSSESSIVES = List.of("’s", "'s", "’");

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

	/**
	 * Splits what the model leaves joined in news copy: a photo credit's
	 * {@code Name/Agency}, a possessive with a typographic apostrophe ({@code Chile’s}),
	 * and a sentence-final full stop after a name ({@code Kerr.}).
	 */
	static void refine(Token token, boolean lastInSentence, List<Token> out) {
		String text = token.text();
		int slash = text.indexOf('/');
		if (slash > 0 && slash < text.length() - 1 && Character.isLetter(text.charAt(slash - 1))
				&& Character.isLetter(text.charAt(slash + 1))) {
			refine(new Token(text.substring(0, slash), token.start(), token.start() + slash), false, out);
			out.add(new Token("/", token.start() + slash, token.start() + slash + 1));
			refine(new Token(text.substring(slash + 1), token.start() + slash + 1, token.end()), lastInSentence, out);
			return;
		}
		for (String possessive : POSSESSIVES) {
			if (text.length() > possessive.length() + 1 && text.endsWith(possessive)) {
				int cut = token.end() - possessive.length();
				refine(new Token(text.substring(0, text.length() - possessive.length()), token.start(), cut), false,
						out);
				out.add(new Token(possessive, cut, token.end()));
				return;
			}
		}
		if (lastInSentence && text.length() > 2 && text.endsWith(".")
				&& Character.isLetter(text.charAt(text.length() - 2))
				&& !text.substring(0, text.length() - 1).contains(".")) {
			out.add(new Token(text.substring(0, text.length() - 1), token.start(), token.end() - 1));
			out.add(new Token(".", token.end() - 1, token.end()));
			return;
		}
		out.add(token);
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
			Span[] spans = this.tokenizer.tokenizePos(sentence);
			for (int i = 0; i < spans.length; i++) {
				refine(new Token(spans[i].getCoveredText(sentence).toString(), sentenceStart + spans[i].getStart(),
						sentenceStart + spans[i].getEnd()), i == spans.length - 1, tokens);
			}
			if (!tokens.isEmpty()) {
				result.add(new Sentence(sentenceStart, from + sentenceSpan.getEnd(), tokens));
			}
		}
		return result;
	}

}
