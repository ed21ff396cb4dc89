package io.pressline.enrich.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Tells the language of a text with OpenNLP's language detector (103 languages), answered
 * as an ISO 639-1 code, or {@code und} when it cannot be told.
 */
public final class LanguageIdentifier {

	/** Below this many characters a guess is not worth making. */
	private static final int MIN_CHARS = 20;

	/**
	 * Only the start of a long text is read: it decides the language as well as the
	 * whole.
	 */
	private static final int MAX_CHARS = 2000;

	private static final Map<String, String> ISO3_TO_ISO1 = new HashMap<>();

	static {
		for (String iso1 : Locale.getISOLanguages()) {
			ISO3_TO_ISO1.put(new Locale(iso1).getISO3Language(), iso1);
		}
		// The detector names some macrolanguages by an individual language's code.
		ISO3_TO_ISO1.put("cmn", "zh");
		ISO3_TO_ISO1.put("nob", "nb");
		ISO3_TO_ISO1.put("nno", "nn");
		ISO3_TO_ISO1.put("pes", "fa");
		ISO3_TO_ISO1.put("zsm", "ms");
		ISO3_TO_ISO1.put("lvs", "lv");
		ISO3_TO_ISO1.put("ekk", "et");
		ISO3_TO_ISO1.put("arb", "ar");
	}

	private final ThreadLocal<LanguageDetectorME> detector;

	public LanguageIdentifier(LanguageDetectorModel model) {
		this.detector = ThreadLocal.withInitial(() -> new LanguageDetectorME(model));
	}

	/** An identifier with the model shipped on the classpath. */
	public static LanguageIdentifier standard() {
		try (InputStream in = Segmenter.resource("/langdetect-183.bin")) {
			return new LanguageIdentifier(new LanguageDetectorModel(in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot load the OpenNLP language model", ex);
		}
	}

	/**
	 * The language of a text.
	 * @return the ISO 639-1 code and a confidence from 0 to 1
	 */
	public DetectedLanguage identify(String text) {
		String sample = (text.length() > MAX_CHARS) ? text.substring(0, MAX_CHARS) : text;
		if (sample.strip().length() < MIN_CHARS) {
			return DetectedLanguage.UNDETERMINED;
		}
		Language best = this.detector.get().predictLanguage(sample);
		String iso1 = ISO3_TO_ISO1.get(best.getLang());
		return (iso1 != null) ? new DetectedLanguage(iso1, best.getConfidence()) : DetectedLanguage.UNDETERMINED;
	}

	/**
	 * A detected language.
	 *
	 * @param code ISO 639-1 code, or {@code und}
	 * @param confidence from 0 to 1
	 */
	public record DetectedLanguage(String code, double confidence) {

		static final DetectedLanguage UNDETERMINED = new DetectedLanguage("und", 0);

	}

}
