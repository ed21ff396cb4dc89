package io.pressline.enrich.nlp.meta;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.pressline.enrich.nlp.Document;
import io.pressline.enrich.nlp.Sentence;
import io.pressline.enrich.nlp.Token;

/**
 * Assigns IPTC Media Topics (the 17 top-level subjects) from cue words the team wrote
 * ({@code nlp/iptc-topics.tsv}). Words in the headline and lead count double. Topics
 * whose weight reaches a third of the leading topic's are reported, at most three, best
 * first, each with its score against the leading topic and a confidence of its own.
 */
public final class TopicClassifier {

	private static final double RELATIVE_THRESHOLD = 0.35;

	private static final int MAX_TOPICS = 3;

	/**
	 * The cue weight at which a topic is as likely right as wrong, and how fast
	 * confidence grows with weight around it: a logistic curve fitted to the topics the
	 * classifier reports on the gold set's tuning articles (the first set and the tuning
	 * half, 144 topics), then checked on the blind half ({@code TopicConfidenceTests}).
	 */
	private static final double CONFIDENCE_MIDPOINT = 6.35;

	private static final double CONFIDENCE_SLOPE = 0.44;

	private final List<TopicCues> topics;

	private TopicClassifier(List<TopicCues> topics) {
		this.topics = topics;
	}

	public static TopicClassifier iptc() {
		List<TopicCues> topics = new ArrayList<>();
		try (InputStream in = TopicClassifier.class.getResourceAsStream("/nlp/iptc-topics.tsv")) {
			if (in == null) {
				throw new IllegalStateException("nlp/iptc-topics.tsv is not on the classpath");
			}
			boolean header = true;
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				if (header) {
					header = false;
					continue;
				}
				String[] columns = line.split("\t");
				topics.add(new TopicCues(columns[0], columns[1], List.of(columns[2].split("\\|"))));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new TopicClassifier(topics);
	}

	/** The number of topics the classifier knows. */
	public int size() {
		return this.topics.size();
	}

	public List<Topic> classify(Document document) {
		Map<TopicCues, Double> weights = weights(document);
		double top = weights.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
		if (top == 0) {
			return List.of();
		}
		return weights.entrySet()
			.stream()
			.filter((e) -> e.getValue() >= top * RELATIVE_THRESHOLD)
			.sorted(Map.Entry.<TopicCues, Double>comparingByValue(Comparator.reverseOrder()))
			.limit(MAX_TOPICS)
			.map((e) -> new Topic(e.getKey().code, e.getKey().label, round(e.getValue() / top),
					round(confidence(e.getValue()))))
			.toList();
	}

	/**
	 * How sure the classifier is that an article is about a topic, from 0 to 1, on the
	 * cue weight found for that topic alone, whatever the other topics have: a passing
	 * cue word or two is a weak claim (about 0.1), a dozen a strong one (above 0.9).
	 */
	static double confidence(double weight) {
		return 1 / (1 + Math.exp(-CONFIDENCE_SLOPE * (weight - CONFIDENCE_MIDPOINT)));
	}

	private static double round(double value) {
		return Math.round(1000 * value) / 1000.0;
	}

	/**
	 * The cue weight found for every topic with any, in the order of the topic file: one
	 * for each cue word, two in the headline and lead.
	 */
	private Map<TopicCues, Double> weights(Document document) {
		List<String> words = new ArrayList<>();
		List<Integer> weights = new ArrayList<>();
		int leadEnd = document.body().isEmpty() ? 0 : document.body().get(0).end();
		for (List<Sentence> part : List.of(document.headline(), document.body())) {
			for (Sentence sentence : part) {
				for (Token token : sentence.tokens()) {
					if (token.isWord()) {
						words.add(token.text().toLowerCase(Locale.ROOT));
						weights.add((token.start() < leadEnd) ? 2 : 1);
					}
				}
			}
		}
		// a linked map, so that ties keep the order of the topic file
		Map<TopicCues, Double> scores = new LinkedHashMap<>();
		for (TopicCues topic : this.topics) {
			double score = 0;
			for (int i = 0; i < words.size(); i++) {
				if (topic.matches(words, i)) {
					score += weights.get(i);
				}
			}
			if (score > 0) {
				scores.put(topic, score);
			}
		}
		return scores;
	}

	/**
	 * One topic's cues: words, prefixes ({@code econom*}) and two-word phrases. Whole
	 * words are looked up in a set and prefixes compared without a copy, since every word
	 * of an article is tried against every topic.
	 */
	private static final class TopicCues {

		private final String code;

		private final String label;

		private final Set<String> words = new HashSet<>();

		private final List<String> prefixes = new ArrayList<>();

		private final List<Phrase> phrases = new ArrayList<>();

		TopicCues(String code, String label, List<String> cues) {
			this.code = code;
			this.label = label;
			for (String cue : cues) {
				String[] parts = cue.strip().split(" ");
				if (parts.length > 1) {
					this.phrases.add(new Phrase(parts));
				}
				else if (isPrefix(parts[0])) {
					this.prefixes.add(stem(parts[0]));
				}
				else {
					this.words.add(parts[0]);
				}
			}
		}

		boolean matches(List<String> words, int at) {
			String word = words.get(at);
			if (this.words.contains(word)) {
				return true;
			}
			for (String prefix : this.prefixes) {
				if (word.startsWith(prefix)) {
					return true;
				}
			}
			for (Phrase phrase : this.phrases) {
				if (phrase.matches(words, at)) {
					return true;
				}
			}
			return false;
		}

		private static boolean isPrefix(String cue) {
			return cue.endsWith("*");
		}

		private static String stem(String cue) {
			return isPrefix(cue) ? cue.substring(0, cue.length() - 1) : cue;
		}

		/** Words in a row, each whole or a prefix. */
		private static final class Phrase {

			private final String[] parts;

			private final boolean[] prefix;

			Phrase(String[] cues) {
				this.parts = new String[cues.length];
				this.prefix = new boolean[cues.length];
				for (int j = 0; j < cues.length; j++) {
					this.parts[j] = stem(cues[j]);
					this.prefix[j] = isPrefix(cues[j]);
				}
			}

			boolean matches(List<String> words, int at) {
				if (at + this.parts.length > words.size()) {
					return false;
				}
				for (int j = 0; j < this.parts.length; j++) {
					String word = words.get(at + j);
					if (!(this.prefix[j] ? word.startsWith(this.parts[j]) : word.equals(this.parts[j]))) {
						return false;
					}
				}
				return true;
			}

		}

	}

}
