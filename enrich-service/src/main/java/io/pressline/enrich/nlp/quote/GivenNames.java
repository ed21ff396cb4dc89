package io.pressline.enrich.nlp.quote;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.pressline.enrich.nlp.ner.Entity;
import io.pressline.enrich.nlp.ner.Mention;

/**
 * The gender a given name usually has, from the name list Stanford CoreNLP's coreference
 * models ship ({@code edu/stanford/nlp/models/dcoref/namegender.combine.txt}, some 14,600
 * first names, each MALE or FEMALE): the evidence {@link Gender} falls back on when the
 * article itself says nothing of a person's gender ({@code Mchedlidze and Beridze are due
 * to speak. “…,” he said}, Giorgi Mchedlidze and Mariam Beridze).
 */
final class GivenNames {

	private static final String RESOURCE = "/edu/stanford/nlp/models/dcoref/namegender.combine.txt";

	private GivenNames() {
	}

	/**
	 * The gender of a person's given name: {@link Gender#HE}, {@link Gender#SHE}, or 0
	 * when the name is not listed, is listed as both, or is the word the article uses
	 * alone for them (a family name written first, {@code Li} for Li Wenjun).
	 */
	static int genderOf(String text, Entity person) {
		String[] words = person.name().split(" ");
		if (words.length < 2) {
			return 0;
		}
		String given = words[0];
		for (Mention mention : person.mentions()) {
			if (mention.text().equals(given)) {
				return 0;
			}
		}
		return Holder.NAMES.getOrDefault(key(given), 0);
	}

	private static String key(String name) {
		return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
	}

	/** The list, read on first use. */
	private static final class Holder {

		static final Map<String, Integer> NAMES = read();

		private static Map<String, Integer> read() {
			Map<String, Integer> names = new HashMap<>();
			try (InputStream in = GivenNames.class.getResourceAsStream(RESOURCE)) {
				if (in == null) {
					throw new IllegalStateException(RESOURCE + " is not on the class path");
				}
				BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
				String line;
				while ((line = lines.readLine()) != null) {
					int tab = line.indexOf('\t');
					if (tab <= 0) {
						continue;
					}
					String gender = line.substring(tab + 1).strip();
					int value = gender.equals("MALE") ? Gender.HE : gender.equals("FEMALE") ? Gender.SHE : 0;
					// A name listed with both genders says nothing.
					names.merge(key(line.substring(0, tab)), value, (a, b) -> a.equals(b) ? a : 0);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return names;
		}

	}

}
