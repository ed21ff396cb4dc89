package io.pressline.enrich.nlp.ner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;

import io.pressline.enrich.nlp.Document;
import io.pressline.enrich.nlp.Sentence;
import io.pressline.enrich.nlp.Token;

/**
 * People, organisations and places from Stanford CoreNLP's CRF trained on CoNLL 2003 with
 * distributional-similarity features (the 4-class English model). It reads words only, so
 * it runs on the tokens the engine already has; quotation marks are given to it in the
 * ASCII forms it was trained on. Its fourth class, MISC (nationalities, events, works),
 * is not reported. Thread-safe.
 */
public final class CrfRecognizer implements EntityRecognizer {

	private static final java.util.Set<String> BREAKS = java.util.Set.of("/", ",", "(", ")", ";");

	static final String MODEL = "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";

	private final CRFClassifier<CoreLabel> classifier;

	public CrfRecognizer(CRFClassifier<CoreLabel> classifier) {
		this.classifier = classifier;
	}

	/** The recognizer with the CoNLL 4-class model shipped on the classpath. */
	public static CrfRecognizer conll4Class() {
		try {
			return new CrfRecognizer(CRFClassifier.getClassifier(MODEL));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot load " + MODEL, ex);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("Cannot load " + MODEL, ex);
		}
	}

	@Override
	public List<Mention> recognize(Document document) {
		List<Mention> mentions = new ArrayList<>();
		for (List<Sentence> part : List.of(document.headline(), document.body())) {
			for (Sentence sentence : part) {
				recognize(document.text(), sentence, mentions);
			}
		}
		return mentions;
	}

	private void recognize(String text, Sentence sentence, List<Mention> mentions) {
		List<CoreLabel> labels = new ArrayList<>(sentence.tokens().size());
		for (Token token : sentence.tokens()) {
			CoreLabel label = new CoreLabel();
			String word = trainedForm(token.text());
			label.setWord(word);
			label.setValue(word);
			label.setOriginalText(token.text());
			label.setBeginPosition(token.start());
			label.setEndPosition(token.end());
			labels.add(label);
		}
		List<CoreLabel> answers = this.classifier.classifySentence(labels);
		EntityType open = null;
		int openStart = -1;
		int openEnd = -1;
		for (CoreLabel label : answers) {
			// A slash, comma or bracket ends a name: AFP/Getty Images is two agencies.
			EntityType type = BREAKS.contains(label.originalText()) ? null
					: type(label.get(CoreAnnotations.AnswerAnnotation.class));
			if (type != open) {
				if (open != null) {
					mentions.add(new Mention(openStart, openEnd, text.substring(openStart, openEnd), open));
				}
				open = type;
				openStart = label.beginPosition();
			}
			openEnd = label.endPosition();
		}
		if (open != null) {
			mentions.add(new Mention(openStart, openEnd, text.substring(openStart, openEnd), open));
		}
	}

	private static EntityType type(String answer) {
		if (answer == null) {
			return null;
		}
		return switch (answer) {
			case "PERSON" -> EntityType.PERSON;
			case "ORGANIZATION" -> EntityType.ORGANIZATION;
			case "LOCATION" -> EntityType.LOCATION;
			default -> null;
		};
	}

	/** The token as the CoNLL training data wrote it: ASCII quotes and apostrophes. */
	static String trainedForm(String token) {
		return switch (token) {
			case "\u201C", "\u201E" -> "``";
			case "\u201D" -> "''";
			case "\u2018" -> "`";
			case "\u2019" -> "'";
			case "\u2019s" -> "'s";
			case "\u2014", "\u2013" -> "--";
			default -> token.indexOf('\u2019') >= 0 ? token.replace('\u2019', '\'') : token;
		};
	}

}
