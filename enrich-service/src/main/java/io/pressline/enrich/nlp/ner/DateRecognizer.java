package io.pressline.enrich.nlp.ner;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as news text writes them, each normalised to ISO 8601 against the article's own
 * date: {@code March 14}, {@code 14 March 2026}, {@code Feb. 27}, {@code March 2026},
 * {@code 2019}, weekday names ({@code on Tuesday}, {@code next Friday}),
 * {@code yesterday}, {@code today}, {@code tomorrow}, and
 * {@code last}/{@code this}/{@code next} {@code week}/{@code month}/{@code year}. A bare
 * weekday means the most recent one, unless the sentence speaks of the future.
 */
public final class DateRecognizer {

	private static final Map<String, Month> MONTHS = new HashMap<>();

	static {
		for (Month month : Month.values()) {
			String name = month.name().charAt(0) + month.name().substring(1).toLowerCase(Locale.ROOT);
			MONTHS.put(name, month);
			MONTHS.put(name.substring(0, 3), month);
			MONTHS.put(name.substring(0, 3) + ".", month);
		}
		MONTHS.put("Sept.", Month.SEPTEMBER);
		MONTHS.put("Sept", Month.SEPTEMBER);
		MONTHS.remove("May.");
	}

	private static final String MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
			+ "|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?";

	private static final Pattern DATE = Pattern.compile(String.join("|",
			// March 14, 2026 / March 14 / Feb. 27
			"(?<md>(?<mdMonth>" + MONTH_NAMES
					+ ")\\s+(?<mdDay>\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(?<mdYear>(?:19|20)\\d{2}))?(?![\\d,.]*\\d))",
			// 14 March 2026 / 14 March
			"(?<dm>(?<dmDay>\\d{1,2})(?:st|nd|rd|th)?\\s+(?<dmMonth>" + MONTH_NAMES
					+ ")(?:,?\\s+(?<dmYear>(?:19|20)\\d{2}))?)",
			// March 2026
			"(?<my>(?<myMonth>" + MONTH_NAMES + "),?\\s+(?<myYear>(?:19|20)\\d{2}))",
			// next Friday / last Monday / on Tuesday
			"(?<wd>(?:(?<wdShift>last|next|this)\\s+)?(?<wdDay>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))",
			"(?<rel>(?<![\\w-])(?<relDay>yesterday|tomorrow)(?![\\w-]))",
			"(?<per>(?<![\\w-])(?<perShift>last|this|next)\\s+(?<perUnit>week|month|year)(?![\\w-]))",
			// 2019, but not 2,019 or 2019.5 or $2019 or 2019 per cent
			"(?<y>(?<![\\d$€£¥.,/-])(?:19|20)\\d{2}(?![\\d%]|[.,]\\d|\\s*(?:per\\s?cent|percent)))"),
			Pattern.CASE_INSENSITIVE);

	private static final Pattern FUTURE = Pattern
		.compile("\\b(will|won’t|won't|shall|is due|are due|is expected|are expected|plans? to|is set to|are set to"
				+ "|is scheduled|are scheduled|’ll|'ll|next)\\b", Pattern.CASE_INSENSITIVE);

	/**
	 * Finds the dates in a text.
	 * @param text the article text
	 * @param sentenceBounds start and end offsets of each sentence, to judge tense in
	 * @param articleDate the day the article is dated
	 */
	public List<Mention> recognize(String text, List<int[]> sentenceBounds, LocalDate articleDate) {
		List<Mention> mentions = new ArrayList<>();
		Matcher matcher = DATE.matcher(text);
		while (matcher.find()) {
			String value = normalise(matcher, text, sentenceBounds, articleDate);
			if (value != null) {
				mentions.add(new Mention(matcher.start(), matcher.end(), matcher.group(), EntityType.DATE, value));
			}
		}
		return mentions;
	}

	private static String normalise(Matcher m, String text, List<int[]> sentences, LocalDate today) {
		if (m.group("md") != null) {
			return day(m.group("mdMonth"), m.group("mdDay"), m.group("mdYear"), today);
		}
		if (m.group("dm") != null) {
			return day(m.group("dmMonth"), m.group("dmDay"), m.group("dmYear"), today);
		}
		if (m.group("my") != null) {
			Month month = month(m.group("myMonth"));
			return (month != null && capitalised(m.group("myMonth")))
					? YearMonth.of(Integer.parseInt(m.group("myYear")), month).toString() : null;
		}
		if (m.group("wd") != null) {
			return weekday(m, text, sentences, today);
		}
		if (m.group("rel") != null) {
			return switch (m.group("relDay").toLowerCase(Locale.ROOT)) {
				case "yesterday" -> today.minusDays(1).toString();
				case "tomorrow" -> today.plusDays(1).toString();
				default -> today.toString();
			};
		}
		if (m.group("per") != null) {
			int shift = switch (m.group("perShift").toLowerCase(Locale.ROOT)) {
				case "last" -> -1;
				case "next" -> 1;
				default -> 0;
			};
			return switch (m.group("perUnit").toLowerCase(Locale.ROOT)) {
				case "week" -> null;
				case "month" -> YearMonth.from(today).plusMonths(shift).toString();
				default -> String.valueOf(today.getYear() + shift);
			};
		}
		return m.group("y");
	}

	private static String day(String monthText, String dayText, String yearText, LocalDate today) {
		Month month = month(monthText);
		if (month == null || !capitalised(monthText)) {
			return null;
		}
		int day = Integer.parseInt(dayText);
		int year = (yearText != null) ? Integer.parseInt(yearText) : nearestYear(month, day, today);
		if (day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
			return null;
		}
		return LocalDate.of(year, month, day).toString();
	}

	private static String weekday(Matcher m, String text, List<int[]> sentences, LocalDate today) {
		String dayText = m.group("wdDay");
		if (!capitalised(dayText)) {
			return null;
		}
		DayOfWeek day = DayOfWeek.valueOf(dayText.toUpperCase(Locale.ROOT));
		String shift = (m.group("wdShift") != null) ? m.group("wdShift").toLowerCase(Locale.ROOT) : "";
		boolean deadline = text.substring(Math.max(0, m.start() - 3), m.start()).equals("by ");
		boolean future = shift.equals("next")
				|| (shift.isEmpty() && (deadline || FUTURE.matcher(sentenceAround(text, m.start(), sentences)).find()));
		LocalDate date = future ? today.with(TemporalAdjusters.nextOrSame(day))
				: today.with(TemporalAdjusters.previousOrSame(day));
		if (shift.equals("last") && date.equals(today)) {
			date = date.minusWeeks(1);
		}
		return date.toString();
	}

	private static boolean capitalised(String word) {
		return Character.isUpperCase(word.charAt(0));
	}

	private static Month month(String text) {
		String key = Character.toUpperCase(text.charAt(0)) + text.substring(1).toLowerCase(Locale.ROOT);
		return MONTHS.get(key);
	}

	/** A day without a year is the occurrence nearest to the article's date. */
	private static int nearestYear(Month month, int day, LocalDate today) {
		int best = today.getYear();
		long bestDistance = Long.MAX_VALUE;
		for (int year = today.getYear() - 1; year <= today.getYear() + 1; year++) {
			if (day > YearMonth.of(year, month).lengthOfMonth()) {
				continue;
			}
			long distance = Math.abs(LocalDate.of(year, month, day).toEpochDay() - today.toEpochDay());
			if (distance < bestDistance) {
				bestDistance = distance;
				best = year;
			}
		}
		return best;
	}

	private static String sentenceAround(String text, int offset, List<int[]> sentences) {
		for (int[] bounds : sentences) {
			if (bounds[0] <= offset && offset < bounds[1]) {
				return text.substring(bounds[0], bounds[1]);
			}
		}
		return "";
	}

}
