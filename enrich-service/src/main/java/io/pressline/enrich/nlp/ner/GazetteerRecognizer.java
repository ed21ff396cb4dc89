package io.pressline.enrich.nlp.ner;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.pressline.enrich.kb.KnowledgeBase;
import io.pressline.enrich.nlp.Document;
import io.pressline.enrich.nlp.Sentence;
import io.pressline.enrich.nlp.Token;

/**
 * Names the knowledge base knows, matched as whole capitalised tokens, longest first:
 * reviewed people and organisations, countries, regions and GeoNames places. A match is
 * strong when it could hardly mean anything else (a listed person or organisation, a
 * country, a region, a capital, a city of 100,000 or more, a curated alias); a weak
 * match, a smaller town, only counts where the statistical model also sees a place there.
 */
public final class GazetteerRecognizer {

	/** Town names that are also everyday English words at the start of a sentence. */
	private static final Set<String> COMMON_WORDS = Set.of("March", "May", "Of", "Police", "Bar", "Nice", "Mobile",
			"Reading", "Bath", "Split", "Van", "Sale", "Deal", "Best", "Born", "Hope", "Why", "Most", "Early",
			"Cologne", "Orange", "Along", "Union", "Independence", "Liberty", "Victoria", "Florence", "Jordan", "Chad",
			"Georgia", "Paris", "Sydney", "Austin", "Lincoln", "Washington", "Jackson", "Clinton", "Franklin",
			"Hamilton", "Darwin", "Douglas", "Gary", "Tyler", "Marion", "Mercedes", "Santa", "San", "Gap", "Come",
			"Wells", "Street", "Rock", "Bay", "Green", "Little", "Mount", "Port", "Lake", "Hill", "City", "Center",
			"Central", "Bristol", "Valencia", "Regina", "Eagle", "Mission", "Surprise", "Glendale", "Tempe", "Mesa",
			"Plano", "Frisco");

	private static final long LARGE_CITY = 100_000;

	private final KnowledgeBase kb;

	public GazetteerRecognizer(KnowledgeBase kb) {
		this.kb = kb;
	}

	/**
	 * A name the knowledge base knows.
	 *
	 * @param mention where and as what
	 * @param strong whether it counts on its own, without the model's agreement
	 */
	public record Match(Mention mention, boolean strong) {
	}

	public List<Match> recognize(Document document) {
		List<Match> matches = new ArrayList<>();
		int longest = Math.max(1, Math.min(6, this.kb.longestNameInWords()));
		for (List<Sentence> part : List.of(document.headline(), document.body())) {
			for (Sentence sentence : part) {
				List<Token> tokens = sentence.tokens();
				int i = 0;
				while (i < tokens.size()) {
					Match match = null;
					int length = Math.min(longest, tokens.size() - i);
					for (; length >= 1 && match == null; length--) {
						match = match(document.text(), tokens, i, length, i == 0);
					}
					if (match != null) {
						matches.add(match);
						i += length + 1;
					}
					else {
						i++;
					}
				}
			}
		}
		return matches;
	}

	private Match match(String text, List<Token> tokens, int from, int length, boolean sentenceStart) {
		Token first = tokens.get(from);
		Token last = tokens.get(from + length - 1);
		if (!Character.isUpperCase(first.text().codePointAt(0)) || !last.isWord()) {
			return null;
		}
		String surface = text.substring(first.start(), last.end());
		if (!this.kb.knows(surface) || this.kb.isDemonym(surface) || Titles.isTitle(surface)) {
			return null;
		}
		var known = this.kb.entitiesNamed(surface);
		if (!known.isEmpty()) {
			return new Match(new Mention(first.start(), last.end(), surface, known.get(0).type()), true);
		}
		Mention place = new Mention(first.start(), last.end(), surface, EntityType.LOCATION);
		if (this.kb.countryNamed(surface).isPresent()) {
			return new Match(place, !COMMON_WORDS.contains(surface));
		}
		if (!this.kb.regionsNamed(surface).isEmpty() && this.kb.placesNamed(surface).isEmpty()) {
			// A one-word region name (Western, Central, Northern) is usually an
			// adjective, unless the team listed it.
			boolean strong = this.kb.isCuratedRegionName(surface) || surface.contains(" ");
			return new Match(place, strong && !COMMON_WORDS.contains(surface));
		}
		boolean strong = this.kb.isCuratedPlaceName(surface)
				|| this.kb.placesNamed(surface).stream().anyMatch((p) -> p.isCapital() || p.population() >= LARGE_CITY);
		boolean ambiguous = COMMON_WORDS.contains(surface) || (sentenceStart && length == 1 && !strong);
		return new Match(place, strong && !ambiguous);
	}

}
