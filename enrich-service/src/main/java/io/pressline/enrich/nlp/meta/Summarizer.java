package io.pressline.enrich.nlp.meta;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.pressline.enrich.nlp.Document;
import io.pressline.enrich.nlp.Sentence;
import io.pressline.enrich.nlp.Token;
import io.pressline.enrich.nlp.ner.Entity;
import io.pressline.enrich.nlp.ner.Mention;

/**
 * An extractive summary: the article's own sentences, up to about 60 words, in their
 * order. The lead sentence comes first (news puts the essentials there); further
 * sentences are chosen for the salient entities and keywords they carry, and for being
 * early. Captions, datelines and sentences that are only a quotation are left out.
 */
public final class Summarizer {

	private static final int MAX_WORDS = 60;

	/** A sentence that ends as sentences do; a line without it is a heading or a link. */
	private static final java.util.regex.Pattern COMPLETE = java.util.regex.Pattern.compile("[.!?…][”\"’)]?$");

	public String summarize(Document document, List<Entity> entities, List<Keyword> keywords,
			Set<Integer> captionSentences) {
		List<Sentence> candidates = new ArrayList<>();
		for (int i = 0; i < document.body().size(); i++) {
			Sentence sentence = document.body().get(i);
			String text = document.text().substring(sentence.start(), sentence.end());
			if (!captionSentences.contains(i) && words(sentence) >= 6 && !text.startsWith("“") && !text.startsWith("\"")
					&& !text.startsWith("By ") && COMPLETE.matcher(text).find()) {
				candidates.add(sentence);
			}
		}
		if (candidates.isEmpty()) {
			return "";
		}
		Set<String> keywordWords = new HashSet<>();
		keywords.forEach((k) -> keywordWords.addAll(List.of(k.text().toLowerCase(Locale.ROOT).split(" "))));
		List<Sentence> chosen = new ArrayList<>();
		chosen.add(candidates.get(0));
		int budget = MAX_WORDS - words(candidates.get(0));
		List<Sentence> rest = new ArrayList<>(candidates.subList(1, candidates.size()));
		rest.sort(Comparator.comparingDouble((Sentence s) -> score(document, s, entities, keywordWords)).reversed());
		for (Sentence sentence : rest) {
			if (budget <= 0) {
				break;
			}
			if (words(sentence) <= budget + 5) {
				chosen.add(sentence);
				budget -= words(sentence);
			}
		}
		chosen.sort(Comparator.comparingInt(Sentence::start));
		StringBuilder summary = new StringBuilder();
		for (Sentence sentence : chosen) {
			if (!summary.isEmpty()) {
				summary.append(' ');
			}
			summary.append(withoutDateline(document.text().substring(sentence.start(), sentence.end())));
		}
		return summary.toString();
	}

	private static double score(Document document, Sentence sentence, List<Entity> entities, Set<String> keywordWords) {
		double score = 0;
		for (Entity entity : entities) {
			for (Mention mention : entity.mentions()) {
				if (mention.start() >= sentence.start() && mention.end() <= sentence.end()) {
					score += entity.salience();
				}
			}
		}
		for (Token token : sentence.tokens()) {
			if (keywordWords.contains(token.text().toLowerCase(Locale.ROOT))) {
				score += 0.3;
			}
		}
		double position = 1 - (double) sentence.start() / document.text().length();
		return score / Math.sqrt(words(sentence)) + position;
	}

	private static int words(Sentence sentence) {
		return (int) sentence.tokens().stream().filter(Token::isWord).count();
	}

	private static String withoutDateline(String sentence) {
		return sentence.replaceFirst("^\\p{Lu}[\\p{Lu}.,'’ \\p{L}-]{1,60}?\\s[—–]\\s", "");
	}

}
