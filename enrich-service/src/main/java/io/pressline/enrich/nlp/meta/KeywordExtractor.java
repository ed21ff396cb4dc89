package io.pressline.enrich.nlp.meta;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.pressline.enrich.nlp.Document;
import io.pressline.enrich.nlp.Sentence;
import io.pressline.enrich.nlp.Token;
import io.pressline.enrich.nlp.ner.Entity;
import io.pressline.enrich.nlp.ner.EntityType;

/**
 * Ranked keywords: the article's most salient named entities, then the content words and
 * two-word phrases that recur (or stand in the headline, which counts three times), a
 * phrase weighing half as much again as a word. A word already inside a chosen phrase is
 * not repeated.
 */
public final class KeywordExtractor {

	private static final int MAX_KEYWORDS = 10;

	private final Set<String> stopwords;

	private KeywordExtractor(Set<String> stopwords) {
		this.stopwords = stopwords;
	}

	public static KeywordExtractor english() {
		Set<String> words = new HashSet<>();
		try (InputStream in = KeywordExtractor.class.getResourceAsStream("/nlp/stopwords.txt")) {
			if (in == null) {
				throw new IllegalStateException("nlp/stopwords.txt is not on the classpath");
			}
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (!line.startsWith("#")) {
					words.addAll(List.of(line.strip().split("\\s+")));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new KeywordExtractor(words);
	}

	public List<Keyword> extract(Document document, List<Entity> entities) {
		Set<Integer> inNames = new HashSet<>();
		for (Entity entity : entities) {
			entity.mentions().forEach((m) -> {
				for (int i = m.start(); i < m.end(); i++) {
					inNames.add(i);
				}
			});
		}
		Map<String, Double> scores = new LinkedHashMap<>();
		for (List<Sentence> part : List.of(document.headline(), document.body())) {
			double weight = (part == document.headline()) ? 3 : 1;
			for (Sentence sentence : part) {
				String previous = null;
				for (Token token : sentence.tokens()) {
					String word = token.text().toLowerCase(Locale.ROOT);
					boolean content = token.isWord() && word.length() > 2 && word.chars().allMatch(Character::isLetter)
							&& !this.stopwords.contains(word) && !inNames.contains(token.start());
					if (!content) {
						previous = null;
						continue;
					}
					scores.merge(word, weight, Double::sum);
					if (previous != null) {
						scores.merge(previous + " " + word, weight * 1.5, Double::sum);
					}
					previous = word;
				}
			}
		}
		// Only what recurs, or stands in the headline, says what the article is about.
		scores.values().removeIf((score) -> score < 2);
		List<Keyword> keywords = new ArrayList<>();
		entities.stream()
			.filter((e) -> e.type() == EntityType.PERSON || e.type() == EntityType.ORGANIZATION
					|| e.type() == EntityType.LOCATION)
			.filter((e) -> e.salience() >= 0.3 && e.mentions().size() > 1)
			.limit(4)
			.forEach((e) -> keywords.add(new Keyword(e.name(), e.salience())));
		double top = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
		List<String> taken = new ArrayList<>();
		scores.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
			.forEach((e) -> {
				if (keywords.size() < MAX_KEYWORDS && taken.stream().noneMatch((t) -> t.contains(e.getKey()))) {
					taken.add(e.getKey());
					keywords.add(new Keyword(e.getKey(), Math.round(1000 * e.getValue() / top) / 1000.0));
				}
			});
		keywords.sort(Comparator.comparingDouble(Keyword::score).reversed());
		return keywords;
	}

}
