package io.pressline.enrich.nlp.ner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import edu.stanford.nlp.ie.AbstractSequenceClassifier;
import edu.stanford.nlp.ie.ClassifierCombiner;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;

import io.pressline.enrich.nlp.Document;
import io.pressline.enrich.nlp.Sentence;
import io.pressline.enrich.nlp.Token;

/**
 * People, organisations and places from conditional random fields of Stanford CoreNLP: by
 * default ({@link #standard()}) one trained on Pressline's gold set, with CoreNLP's
 * 3-class English model filling what it leaves; CoreNLP's CoNLL 2003 4-class model and
 * its other models are there to compare. It reads words only, so it runs on the tokens
 * the engine already has; quotation marks are given to it in the ASCII forms it was
 * trained on. Its fourth class, MISC (nationalities, events, works), is not reported.
 * Thread-safe.
 */
public final class CrfRecognizer implements EntityRecognizer {

	private static final java.util.Set<String> BREAKS = java.util.Set.of("/", ",", "(", ")", ";");

	public static final String MODEL = "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";

	/**
	 * CoreNLP's 3-class model trained on CoNLL, MUC, ACE and more (PERSON, ORGANIZATION,
	 * LOCATION).
	 */
	public static final String ALL_3CLASS = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";

	/**
	 * CoreNLP's 7-class model trained on MUC 6 and 7 (adds DATE, TIME, MONEY, PERCENT).
	 */
	public static final String MUC_7CLASS = "edu/stanford/nlp/models/ner/english.muc.7class.distsim.crf.ser.gz";

	/**
	 * Pressline's own CRF, trained on the gold set's articles 01–134 (the first set, the
	 * tuning half and the first blind half) by
	 * {@code io.pressline.benchmarks.GoldCrfTrainer} (see docs/benchmarks.md).
	 */
	public static final String GOLD = "nlp/pressline-gold-crf.ser.gz";

	private final AbstractSequenceClassifier<CoreLabel> classifier;

	public CrfRecognizer(AbstractSequenceClassifier<CoreLabel> classifier) {
		this.classifier = classifier;
	}

	/**
	 * The recognizer with several of CoreNLP's models combined as its default pipeline
	 * combines them ({@link ClassifierCombiner}, normal mode): the first model labels
	 * what it can, and a later model adds only labels of kinds no model before it has (so
	 * the 7-class model after the 3-class one adds only DATE, MONEY and the like). The
	 * models are classpath resources or files.
	 */
	public static CrfRecognizer combined(String... models) {
		return combined("NORMAL", models);
	}

	/**
	 * The recognizer with several models each filling the gaps the ones before it left
	 * ({@link ClassifierCombiner}, high-recall mode): a later model may label a token the
	 * earlier ones left unlabelled, with any label.
	 */
	public static CrfRecognizer filling(String... models) {
		return combined("HIGH_RECALL", models);
	}

	private static CrfRecognizer combined(String mode, String... models) {
		Properties properties = new Properties();
		properties.setProperty("ner.combinationMode", mode);
		try {
			return new CrfRecognizer(new ClassifierCombiner<>(properties,
					ClassifierCombiner.extractCombinationMode(properties), models));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot load " + String.join(", ", models), ex);
		}
	}

	/** A CRF serialized by CoreNLP, from the classpath or a file. */
	public static CRFClassifier<CoreLabel> load(String model) {
		try {
			return CRFClassifier.getClassifier(model);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot load " + model, ex);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("Cannot load " + model, ex);
		}
	}

	/**
	 * The engine's recognizer (docs/benchmarks.md, "Statistical models tried"): the CRF
	 * trained on Pressline's gold set first, CoreNLP's 3-class model filling the tokens
	 * it leaves unlabelled. Trained on articles 01–110 and measured on 111–134, this
	 * order scored best in the engine (micro-F1 0.893, against 0.881 with the 3-class
	 * model first and 0.886 for the trained CRF alone); the shipped model is trained on
	 * all of 01–134. A title and a name the trained CRF takes for one organisation
	 * ("Mayor Vitali Serhiyenko") is mended by the name rules (an organisation that opens
	 * with a title and has no generic word is a person).
	 */
	public static CrfRecognizer standard() {
		return filling(GOLD, ALL_3CLASS);
	}

	/** The recognizer with the CoNLL 4-class model shipped on the classpath. */
	public static CrfRecognizer conll4Class() {
		return new CrfRecognizer(load(MODEL));
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
	public static String trainedForm(String token) {
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
