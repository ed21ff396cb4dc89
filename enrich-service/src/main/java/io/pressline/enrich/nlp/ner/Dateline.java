package io.pressline.enrich.nlp.ner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The place line that opens a wire story: {@code BRUSSELS —}, {@code KYIV, Ukraine —},
 * {@code BUENOS AIRES (Reuters) —}.
 *
 * @param text the dateline as written, without the dash
 * @param places its place mentions, the city first
 */
public record Dateline(String text, List<Mention> places) {

	private static final Pattern DATELINE = Pattern
		.compile("^(?<city>\\p{Lu}[\\p{Lu}.'’ -]{1,40}?\\p{Lu}\\.?)(?:,\\s*(?<area>\\p{Lu}[\\p{L}.'’ -]{1,40}?))?"
				+ "(?:\\s*\\([^)]{1,40}\\))?\\s*[—–]\\s");

	/** The dateline at the start of the body, if there is one. */
	public static java.util.Optional<Dateline> read(String text, int bodyOffset) {
		Matcher matcher = DATELINE.matcher(text);
		matcher.region(bodyOffset, text.length());
		if (!matcher.lookingAt()) {
			return java.util.Optional.empty();
		}
		List<Mention> places = new ArrayList<>();
		places.add(new Mention(matcher.start("city"), matcher.end("city"), matcher.group("city"), EntityType.LOCATION));
		if (matcher.group("area") != null) {
			places.add(new Mention(matcher.start("area"), matcher.end("area"), matcher.group("area"),
					EntityType.LOCATION));
		}
		String written = text.substring(matcher.start(), matcher.end()).replaceAll("\\s*[—–]\\s*$", "").strip();
		return java.util.Optional.of(new Dateline(written, places));
	}

	/** {@code BUENOS AIRES} as the knowledge base writes it: {@code Buenos Aires}. */
	static String titleCase(String upper) {
		StringBuilder out = new StringBuilder(upper.length());
		boolean startOfWord = true;
		for (char c : upper.toCharArray()) {
			out.append(startOfWord ? c : Character.toLowerCase(c));
			startOfWord = !Character.isLetter(c) && c != '’' && c != '\'';
		}
		return out.toString().toLowerCase(Locale.ROOT).equals(upper.toLowerCase(Locale.ROOT)) ? out.toString() : upper;
	}

}
