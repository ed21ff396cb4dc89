package io.pressline.enrich.nlp.ner;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names news copy writes in fixed shapes, which the statistical model often cuts short:
 * organisations built around a head word ({@code Ministry of Science and ICT},
 * {@code Swiss National Science Foundation}, {@code University of Bern}) and photo
 * credits ({@code (Photo: Ana Ruiz/Pressline)}: a person and an agency).
 */
final class NameRules {

	private static final String HEADS = "Ministry|Department|University|Institute|Institut|Institutet|Foundation|Federation"
			+ "|Association|Committee|Council|Commission|Agency|Authority|Bank|Fund|Forum|Union|League|Alliance|Society"
			+ "|Academy|College|School|Hospital|Court|Tribunal|Party|Club|Company|Corporation|Group|Office|Board|Bureau"
			+ "|Service|Trust|Network|Centre|Center|Museum|Observatory|Station|Laboratory|Programme|Program|Organisation"
			+ "|Organization|Parliament|Assembly|Senate|Congress|Cooperative|Confederation|Chamber|Directorate|Administration";

	private static final String WORD = "\\p{Lu}[\\p{L}’'&-]*";

	private static final String LINK = "(?:of|for|and|on|the|de|del|des|la|le|di|&)";

	/** {@code Ministry of Science and ICT}, {@code University of Bern}. */
	private static final Pattern HEAD_FIRST = Pattern.compile("\\b(?:(?:" + WORD + ")\\s+){0,3}(?:" + HEADS
			+ ")\\s+(?:of|for|on)\\s+(?:the\\s+)?" + WORD + "(?:\\s+(?:" + LINK + "\\s+)?" + WORD + "){0,4}");

	/** {@code Swiss National Science Foundation}, {@code Lagos Tenants’ Rights Forum}. */
	private static final Pattern HEAD_LAST = Pattern.compile("\\b" + WORD
			+ "(?:\\s+(?:(?:and|&|for|de|del|des|la|le|di)\\s+)?" + WORD + "){0,5}\\s+(?:" + HEADS + ")\\b");

	/**
	 * Natural features written with their kind: {@code Lake Karapiro},
	 * {@code Waikato River}, {@code Mount Kenya}.
	 */
	static final Pattern FEATURE = Pattern.compile("\\b(?:(?:Lake|River|Mount|Mt\\.|Gulf of|Bay of|Sea of|Isle of)\\s+"
			+ WORD + "(?:\\s+" + WORD + ")?|" + WORD + "(?:\\s+" + WORD
			+ "){0,2}\\s+(?:River|Lake|Mountains|Hills|Desert"
			+ "|Sea|Ocean|Gulf|Bay|Valley|Glacier|Pass|National Park|Nature Reserve|Island|Islands|Peninsula|Canal|Delta|Falls))\\b");

	private static final Pattern CREDIT = Pattern.compile(
			"\\((?:Photo|Photograph|Picture|Image|Video)s?(?: by)?:\\s*(?<person>[^/()]{3,60}?)\\s*/\\s*(?<agency>[^()/]{2,60}?)\\)");

	List<Mention> recognize(String text) {
		List<Mention> mentions = new ArrayList<>();
		Matcher credit = CREDIT.matcher(text);
		while (credit.find()) {
			mentions.add(new Mention(credit.start("person"), credit.end("person"), credit.group("person"),
					EntityType.PERSON));
			mentions.add(new Mention(credit.start("agency"), credit.end("agency"), credit.group("agency"),
					EntityType.ORGANIZATION));
		}
		Matcher feature = FEATURE.matcher(text);
		while (feature.find()) {
			int start = trimLeadingFunctionWords(text, feature.start(), feature.end());
			mentions.add(new Mention(start, feature.end(), text.substring(start, feature.end()), EntityType.LOCATION));
		}
		for (Pattern pattern : List.of(HEAD_FIRST, HEAD_LAST)) {
			Matcher matcher = pattern.matcher(text);
			while (matcher.find()) {
				int start = trimLeadingFunctionWords(text, matcher.start(), matcher.end());
				int end = trimTrailing(text, start, matcher.end());
				if (end - start > 3 && text.substring(start, end).contains(" ")) {
					Mention mention = new Mention(start, end, text.substring(start, end), EntityType.ORGANIZATION);
					if (mentions.stream().noneMatch(mention::overlaps)) {
						mentions.add(mention);
					}
				}
			}
		}
		return mentions;
	}

	/** A sentence-initial {@code The} or a title word is not part of the name. */
	private static int trimLeadingFunctionWords(String text, int start, int end) {
		int position = start;
		while (position < end) {
			int space = text.indexOf(' ', position);
			if (space < 0 || space >= end) {
				break;
			}
			String word = text.substring(position, space);
			if (!word.equals("The") && !word.equals("A") && !Titles.isTitle(word)) {
				break;
			}
			position = space + 1;
		}
		return position;
	}

	private static int trimTrailing(String text, int start, int end) {
		int position = end;
		while (position > start && ".,’'".indexOf(text.charAt(position - 1)) >= 0) {
			position--;
		}
		return position;
	}

}
