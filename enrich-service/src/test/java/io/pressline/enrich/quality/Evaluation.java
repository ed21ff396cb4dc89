package io.pressline.enrich.quality;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import io.pressline.enrich.nlp.ner.EntityType;

/**
 * Scores an engine against the gold set, as NER work is scored: a predicted mention is
 * right when its span and type equal a gold mention's (exact match, CoNLL style). Of the
 * mentions found right, linking is right when the predicted entity is the gold one: same
 * canonical name for people and organisations, same name and country for places, same
 * normalised value for dates and money. Speakers are scored per gold quotation.
 */
public final class Evaluation {

	private Evaluation() {
	}

	/**
	 * A mention as an engine predicted it.
	 *
	 * @param start first character
	 * @param end just past the last character
	 * @param type its type
	 * @param canonical the canonical name (or value) of the entity it belongs to
	 * @param country the entity's ISO country, if linked to a place
	 */
	public record Predicted(int start, int end, EntityType type, String canonical, String country) {
	}

	/**
	 * A quotation as an engine attributed it.
	 *
	 * @param text its words
	 * @param speaker canonical name of the speaker, or {@code null}
	 */
	public record PredictedQuote(String text, String speaker) {
	}

	/**
	 * What an engine found in one article.
	 *
	 * @param mentions the mentions
	 * @param quotes the quotations, or {@code null} when the engine does not attribute
	 * quotes
	 */
	public record Prediction(List<Predicted> mentions, List<PredictedQuote> quotes, List<String> topics) {
	}

	/** Counts for one entity type. */
	public static final class Counts {

		int truePositives;

		int falsePositives;

		int falseNegatives;

		int linked;

		int linkedRight;

		public double precision() {
			int predicted = this.truePositives + this.falsePositives;
			return (predicted == 0) ? 0 : (double) this.truePositives / predicted;
		}

		public double recall() {
			int gold = this.truePositives + this.falseNegatives;
			return (gold == 0) ? 0 : (double) this.truePositives / gold;
		}

		public double f1() {
			double p = precision();
			double r = recall();
			return (p + r == 0) ? 0 : 2 * p * r / (p + r);
		}

		public double linking() {
			return (this.linked == 0) ? 0 : (double) this.linkedRight / this.linked;
		}

		void add(Counts other) {
			this.truePositives += other.truePositives;
			this.falsePositives += other.falsePositives;
			this.falseNegatives += other.falseNegatives;
			this.linked += other.linked;
			this.linkedRight += other.linkedRight;
		}

	}

	/**
	 * The scores of one engine on the gold set.
	 *
	 * @param byType counts per entity type
	 * @param speakers gold quotations whose speaker the engine got right
	 * @param quotes gold quotations
	 * @param errors one line per wrong or missed mention or speaker, for whoever improves
	 * the engine
	 */
	public record Report(Map<EntityType, Counts> byType, int speakers, int quotes, int mainTopics, int topicsFound,
			int topics, int articles, List<String> errors) {

		/** Micro-averaged counts over people, organisations and places. */
		public Counts names() {
			Counts all = new Counts();
			for (EntityType type : List.of(EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION)) {
				all.add(this.byType.get(type));
			}
			return all;
		}

		/** Articles whose first predicted topic is the gold main topic. */
		public double mainTopicAccuracy() {
			return (this.articles == 0) ? 0 : (double) this.mainTopics / this.articles;
		}

		/** Gold topics found among the predicted ones. */
		public double topicRecall() {
			return (this.topics == 0) ? 0 : (double) this.topicsFound / this.topics;
		}

		public double speakerAccuracy() {
			return (this.quotes == 0) ? 0 : (double) this.speakers / this.quotes;
		}

		/** The report as a Markdown table. */
		public String table(String engine) {
			StringBuilder out = new StringBuilder();
			out.append("| ").append(engine).append(" | precision | recall | F1 | linking |\n");
			out.append("| --- | ---: | ---: | ---: | ---: |\n");
			for (EntityType type : EntityType.values()) {
				row(out, type.name(), this.byType.get(type));
			}
			row(out, "PER+ORG+LOC (micro)", names());
			if (this.articles > 0) {
				out.append(String.format(Locale.ROOT, "| IPTC main topic | | | | %.3f (%d/%d) |%n", mainTopicAccuracy(),
						this.mainTopics, this.articles));
				out.append(String.format(Locale.ROOT, "| IPTC topics found (recall) | | | | %.3f (%d/%d) |%n",
						topicRecall(), this.topicsFound, this.topics));
			}
			if (this.quotes > 0) {
				out.append(String.format(Locale.ROOT, "| quote speakers | | | | %.3f (%d/%d) |%n", speakerAccuracy(),
						this.speakers, this.quotes));
			}
			return out.toString();
		}

		private static void row(StringBuilder out, String label, Counts counts) {
			out.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f |%n", label, counts.precision(),
					counts.recall(), counts.f1(), counts.linking()));
		}

	}

	public static Report evaluate(List<GoldArticle> gold, Function<GoldArticle, Prediction> engine) {
		Map<EntityType, Counts> counts = new EnumMap<>(EntityType.class);
		for (EntityType type : EntityType.values()) {
			counts.put(type, new Counts());
		}
		List<String> errors = new ArrayList<>();
		int speakersRight = 0;
		int quotes = 0;
		int mainTopics = 0;
		int topicsFound = 0;
		int topics = 0;
		int articles = 0;
		for (GoldArticle article : gold) {
			Prediction prediction = engine.apply(article);
			String text = article.article().fullText();
			for (GoldArticle.Mention expected : article.mentions()) {
				Predicted found = prediction.mentions()
					.stream()
					.filter((p) -> p.start() == expected.start() && p.end() == expected.end()
							&& p.type() == expected.type())
					.findFirst()
					.orElse(null);
				Counts typeCounts = counts.get(expected.type());
				if (found == null) {
					typeCounts.falseNegatives++;
					errors.add(article.name() + "\tmissed\t" + expected.type() + "\t" + expected.text());
					continue;
				}
				typeCounts.truePositives++;
				typeCounts.linked++;
				if (sameEntity(expected, found)) {
					typeCounts.linkedRight++;
				}
				else {
					errors.add(article.name() + "\tlink\t" + expected.type() + "\t" + expected.text() + "\texpected "
							+ expected.canonical() + "\tgot " + found.canonical() + " " + found.country());
				}
			}
			for (Predicted predicted : prediction.mentions()) {
				boolean right = article.mentions()
					.stream()
					.anyMatch((g) -> g.start() == predicted.start() && g.end() == predicted.end()
							&& g.type() == predicted.type());
				if (!right) {
					counts.get(predicted.type()).falsePositives++;
					errors.add(article.name() + "\tspurious\t" + predicted.type() + "\t"
							+ text.substring(predicted.start(), predicted.end()));
				}
			}
			if (prediction.topics() != null && !article.topics().isEmpty()) {
				articles++;
				topics += article.topics().size();
				if (!prediction.topics().isEmpty() && prediction.topics().get(0).equals(article.topics().get(0))) {
					mainTopics++;
				}
				else {
					errors.add(article.name() + "\ttopic\texpected " + article.topics().get(0) + "\tgot "
							+ prediction.topics());
				}
				topicsFound += (int) article.topics().stream().filter(prediction.topics()::contains).count();
			}
			if (prediction.quotes() != null) {
				for (GoldArticle.Quote expected : article.quotes()) {
					quotes++;
					String opening = normalise(expected.opening());
					PredictedQuote found = prediction.quotes()
						.stream()
						.filter((q) -> normalise(q.text()).startsWith(opening))
						.findFirst()
						.orElse(null);
					String speaker = (found != null) ? found.speaker() : null;
					if (found != null && Objects.equals(normaliseName(speaker), normaliseName(expected.speaker()))) {
						speakersRight++;
					}
					else {
						errors.add(article.name() + "\tspeaker\t" + expected.opening() + "\texpected "
								+ expected.speaker() + "\tgot " + ((found == null) ? "(quote not found)" : speaker));
					}
				}
			}
		}
		return new Report(counts, speakersRight, quotes, mainTopics, topicsFound, topics, articles, errors);
	}

	private static boolean sameEntity(GoldArticle.Mention expected, Predicted found) {
		if (expected.type() == EntityType.LOCATION) {
			int comma = expected.canonical().lastIndexOf(", ");
			if (comma < 0) {
				return false;
			}
			String name = normaliseName(expected.canonical().substring(0, comma));
			String country = expected.canonical().substring(comma + 2);
			String got = normaliseName(found.canonical());
			return country.equals(found.country()) && got != null
					&& (got.equals(name) || got.contains(name) || name.contains(got));
		}
		return Objects.equals(normaliseName(expected.canonical()), normaliseName(found.canonical()));
	}

	static String normaliseName(String name) {
		if (name == null) {
			return null;
		}
		String bare = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return bare.toLowerCase(Locale.ROOT)
			.replaceAll("^the ", "")
			.replaceAll("\\b(province|region|oblast|state|county|city|municipality) of\\b", "")
			.replaceAll("[^\\p{L}\\p{N} ]", "")
			.replaceAll("\\s+", " ")
			.strip();
	}

	private static String normalise(String quote) {
		return quote.replaceAll("[“”\"‘’']", "").replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
	}

}
