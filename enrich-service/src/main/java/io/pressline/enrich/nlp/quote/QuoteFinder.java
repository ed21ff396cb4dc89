package io.pressline.enrich.nlp.quote;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pressline.enrich.nlp.ner.Entity;
import io.pressline.enrich.nlp.ner.EntityType;
import io.pressline.enrich.nlp.ner.Mention;

/**
 * Finds direct quotations and attributes them the way news copy does: {@code “…,” Vermeer
 * said}, {@code “…,” said Ilse Vermeer}, {@code Vermeer said: “…”}, {@code Vermeer told
 * reporters: “…”}, {@code according to Vermeer}; {@code “…,” she said} goes to the last
 * person named before it; a quotation that opens a paragraph with no attribution after a
 * paragraph that ended with an attributed one continues it. A short quoted term with no
 * speech verb near it (the so-called “green corridor”) has no speaker.
 */
public final class QuoteFinder {

	private static final String VERBS = "said|says|told|tells|added|adds|asked|stated|explained|noted|warned|argued|insisted"
			+ "|wrote|writes|recalled|replied|continued|declared|announced|acknowledged|admitted|remarked|urged|stressed"
			+ "|claimed|conceded|predicted|promised|vowed|shouted|joked|laughed|sighed|recounted|observed"
			// the present tense of features, and the verbs of rulings and posts
			+ "|explains|notes|warns|argues|insists|recalls|replies|admits|asks|continues|concedes|agrees|agreed"
			+ "|ruled|rules|concluded|countered|responded|complained|cautioned|pleaded|testified|posted|tweeted"
			+ "|exclaimed|whispered|muttered|quipped|boasted|grumbled|suggested|maintained|reiterated|elaborated"
			+ "|confirmed|emphasised|emphasized|pointed out|went on";

	private static final Pattern QUOTE = Pattern.compile("“([^”\\n]*)(”|(?=\\n)|$)|\"([^\"\\n]*)(\"|(?=\\n)|$)");

	/**
	 * After the closing mark: {@code , Vermeer said} / {@code , said Vermeer} /
	 * {@code , she told reporters}.
	 */
	private static final Pattern AFTER = Pattern
		.compile("^[,.!?]?\\s*(?:(?<said1>" + VERBS + ")\\s+(?<who1>[^,;:“”\"]{1,80})"
				+ "|(?<who2>[^,.;:“”\"]{1,80}?)(?:,[^“”\"]{1,100}?,)?\\s+(?:has |had |later |also |then )?(?<said2>"
				+ VERBS + ")\\b" + "|according to\\s+(?<who3>[^,.;:“”\"]{1,80}))");

	/**
	 * Before the opening mark, in the same sentence: {@code Vermeer said: } /
	 * {@code Vermeer told reporters that }.
	 */
	private static final Pattern BEFORE = Pattern
		.compile("(?<who>[^.;“”\"]{1,120}?)\\s+(?:" + VERBS + "|called|calls|described|describes)\\b[^.;“”\"]{0,60}$");

	private static final Pattern ACCORDING_TO = Pattern.compile("(?i:according to)\\s+(?<who>[^,.;“\"]{1,80})");

	/**
	 * A speaker named by role: {@code the ministry}, {@code the central bank},
	 * {@code its coach}.
	 */
	private static final Pattern ROLE = Pattern
		.compile("^(?:the|its|their|his|her)\\s+(?<role>\\p{Ll}[\\p{L}-]*(?:\\s\\p{Ll}[\\p{L}-]*)?)$");

	/**
	 * A sentence opened by a pronoun or a possessive that points back to the last person.
	 */
	private static final Pattern POINTS_BACK = Pattern.compile("^(?:He|She|They|His|Her|Their)\\b");

	private static final Pattern SPEECH_VERB = Pattern.compile("\\b(?:" + VERBS + ")\\b");

	private static final Pattern PRONOUN_BEFORE_VERB = Pattern.compile("\\b(he|she|they)$", Pattern.CASE_INSENSITIVE);

	private static final Pattern PRONOUN = Pattern.compile("^(he|she|they)\\b", Pattern.CASE_INSENSITIVE);

	/** An organisation as the subject of a speech verb: {@code it said}. */
	private static final Pattern IT = Pattern.compile("(?:it|It)(?: also| later| then)?");

	/**
	 * A possessive pronoun in a sentence that introduces a quotation:
	 * {@code in his words}.
	 */
	private static final Pattern PERSONAL = Pattern.compile("\\b(?:he|she|his|her|He|She|His|Her)\\b");

	/** A term introduced as a name for something: nobody is quoted. */
	private static final Pattern TERM_CUE = Pattern.compile(
			"(so-called|dubbed|known(?: [\\p{L}]+){0,3} as|nicknamed|branded|labelled|labeled|titled|entitled|named"
					+ "|(?:often|also|is|are|was|were|widely|sometimes|locally|popularly|simply) called"
					+ "|the term|the phrase|the word|the slogan|the motto|the banner|the hashtag|the title)\\s*$",
			Pattern.CASE_INSENSITIVE);

	/** A term the last person named used: {@code what she called a “…”}. */
	private static final Pattern CALLED_CUE = Pattern
		.compile("(what|which) (he|she|they) (called|described as|termed)( an?| the)?\\s*$", Pattern.CASE_INSENSITIVE);

	private static final int SHORT_TERM_WORDS = 5;

	public List<Quote> find(String text, List<Entity> entities) {
		List<Quote> quotes = new ArrayList<>();
		Matcher matcher = QUOTE.matcher(text);
		Quote previous = null;
		while (matcher.find()) {
			String words = (matcher.group(1) != null) ? matcher.group(1) : matcher.group(3);
			if (words.isBlank()) {
				continue;
			}
			int start = matcher.start();
			int end = matcher.end();
			Quote quote = attribute(text, words.strip(), start, end, entities, previous);
			quotes.add(quote);
			previous = quote;
		}
		return spanningParagraphs(text, quotes);
	}

	/**
	 * A quotation left open at the end of its paragraph goes on in the next one, which
	 * opens with a quotation mark: when only the later part names its speaker
	 * ({@code “… \n\n“…,” she said.}), the earlier part is theirs too.
	 */
	private static List<Quote> spanningParagraphs(String text, List<Quote> quotes) {
		List<Quote> result = new ArrayList<>(quotes);
		for (int i = result.size() - 2; i >= 0; i--) {
			Quote open = result.get(i);
			Quote next = result.get(i + 1);
			boolean leftOpen = open.end() > 0 && open.end() <= text.length() && text.charAt(open.end() - 1) != '\u201D'
					&& text.charAt(open.end() - 1) != '"';
			if (open.speaker() != null || next.speaker() == null || !leftOpen) {
				continue;
			}
			String between = text.substring(open.end(), next.start());
			if (between.isBlank() && between.contains("\n")) {
				result.set(i, new Quote(open.text(), open.start(), open.end(), next.speaker(), next.speakerId(),
						"continued"));
			}
		}
		return result;
	}

	private Quote attribute(String text, String words, int start, int end, List<Entity> entities, Quote previous) {
		int paragraphBreak = text.lastIndexOf("\n\n", start);
		int paragraphStart = (paragraphBreak < 0) ? 0 : paragraphBreak + 2;
		int paragraphEnd = text.indexOf("\n\n", end);
		paragraphEnd = (paragraphEnd < 0) ? text.length() : paragraphEnd;
		String before = text.substring(Math.max(paragraphStart, sentenceStart(text, start, paragraphStart)), start);
		String after = text.substring(end, Math.min(paragraphEnd, end + 120));
		String lead = text.substring(Math.max(paragraphStart, start - 40), start);
		if (TERM_CUE.matcher(lead).find()) {
			return new Quote(words, start, end, null, null, "none");
		}
		if (CALLED_CUE.matcher(lead).find()) {
			Optional<Entity> person = lastPersonBefore(start, entities);
			if (person.isPresent()) {
				return new Quote(words, start, end, person.get().name(), person.get().id(), "pronoun");
			}
		}

		Matcher afterMatch = AFTER.matcher(after);
		if (afterMatch.find()) {
			String who = firstNonNull(afterMatch.group("who1"), afterMatch.group("who2"), afterMatch.group("who3"));
			int whoStart = end + firstStart(afterMatch, "who1", "who2", "who3");
			Optional<Quote> found = speaker(text, who, whoStart, words, start, end, entities,
					(afterMatch.group("who3") != null) ? "according-to" : "said");
			if (found.isPresent()) {
				return found.get();
			}
		}
		Matcher beforeMatch = BEFORE.matcher(before);
		if (beforeMatch.find()) {
			int whoStart = start - before.length() + beforeMatch.start("who");
			Optional<Quote> found = speaker(text, beforeMatch.group("who"), whoStart, words, start, end, entities,
					"said");
			if (found.isPresent()) {
				return found.get();
			}
		}
		Optional<Quote> introduced = introducedByColon(text, words, start, end, before, entities);
		if (introduced.isPresent()) {
			return introduced.get();
		}
		int sentenceEnd = sentenceEnd(text, end, paragraphEnd);
		Optional<Quote> later = speakerLaterInSentence(text, words, start, end, sentenceEnd, entities);
		if (later.isPresent()) {
			return later.get();
		}
		String sentence = text.substring(sentenceStart(text, start, paragraphStart),
				sentenceEnd(text, end, paragraphEnd));
		Matcher according = ACCORDING_TO.matcher(sentence);
		if (according.find()) {
			int whoStart = sentenceStart(text, start, paragraphStart) + according.start("who");
			Optional<Quote> found = speaker(text, according.group("who"), whoStart, words, start, end, entities,
					"according-to");
			if (found.isPresent()) {
				return found.get();
			}
		}
		if (continues(text, previous, start, paragraphStart, entities) && isSentence(words)) {
			return new Quote(words, start, end, previous.speaker(), previous.speakerId(), "continued");
		}
		return new Quote(words, start, end, null, null, "none");
	}

	/**
	 * A quotation inside a sentence whose speech verb comes later:
	 * {@code The situation is the
	 * “most difficult” in the country, President Volodymyr Zelensky said}. The speaker is
	 * the person or organisation named nearest the verb.
	 */
	private Optional<Quote> speakerLaterInSentence(String text, String words, int start, int end, int sentenceEnd,
			List<Entity> entities) {
		Matcher verb = SPEECH_VERB.matcher(text);
		verb.region(end, sentenceEnd);
		if (!verb.find()) {
			return Optional.empty();
		}
		int at = verb.start();
		String before = text.substring(end, at).strip();
		if (PRONOUN_BEFORE_VERB.matcher(before).find()) {
			return lastPersonBefore(start, entities)
				.map((person) -> new Quote(words, start, end, person.name(), person.id(), "pronoun"));
		}
		Entity best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (Entity entity : entities) {
			if (entity.type() != EntityType.PERSON && entity.type() != EntityType.ORGANIZATION) {
				continue;
			}
			for (Mention mention : entity.mentions()) {
				if (mention.start() >= end && mention.end() <= sentenceEnd) {
					int distance = (mention.end() <= at) ? at - mention.end() : mention.start() - verb.end();
					distance += (entity.type() == EntityType.PERSON) ? 0 : 20;
					if (distance >= 0 && distance < bestDistance) {
						best = entity;
						bestDistance = distance;
					}
				}
			}
		}
		return Optional.ofNullable(best).map((e) -> new Quote(words, start, end, e.name(), e.id(), "said"));
	}

	/**
	 * A quotation introduced by a sentence that ends in a colon, whatever its verb:
	 * {@code Dela Cruz put it simply: “…”}, {@code Her warning was blunt: “…”}. The
	 * speaker is the first person (or else organisation) the sentence names, or the last
	 * person named before it when the sentence opens with a pronoun.
	 */
	private Optional<Quote> introducedByColon(String text, String words, int start, int end, String before,
			List<Entity> entities) {
		String lead = before.stripTrailing();
		if (!lead.endsWith(":")) {
			return Optional.empty();
		}
		String opening = lead.strip();
		int from = start - before.length();
		if (POINTS_BACK.matcher(opening).find()) {
			return lastPersonBefore(start, entities)
				.map((person) -> new Quote(words, start, end, person.name(), person.id(), "pronoun"));
		}
		for (EntityType type : List.of(EntityType.PERSON, EntityType.ORGANIZATION)) {
			Entity first = null;
			int firstStart = Integer.MAX_VALUE;
			for (Entity entity : entities) {
				if (entity.type() != type) {
					continue;
				}
				for (Mention mention : entity.mentions()) {
					if (mention.start() >= from && mention.end() <= start && mention.start() < firstStart) {
						first = entity;
						firstStart = mention.start();
					}
				}
			}
			if (first != null) {
				Entity speaker = first;
				return Optional.of(new Quote(words, start, end, speaker.name(), speaker.id(), "said"));
			}
		}
		if (PERSONAL.matcher(opening).find()) {
			// Nobody named, a pronoun points back: was, in his words, a warning: “…”
			return lastPersonBefore(start, entities)
				.map((person) -> new Quote(words, start, end, person.name(), person.id(), "pronoun"));
		}
		return Optional.empty();
	}

	/**
	 * The speaker a role noun stands for: the organisation last named whose name holds
	 * the word ({@code the ministry} after the {@code Ministry of Health}), or else the
	 * person last named with that role before or after their name
	 * ({@code Coach V. S. Kumbhar}, {@code Sanna Rönkkö, the union's chair}).
	 */
	private static Optional<Entity> byRole(String text, String role, int before, List<Entity> entities) {
		String[] roleWords = role.toLowerCase(java.util.Locale.ROOT).split("\\s");
		String head = roleWords[roleWords.length - 1];
		for (EntityType type : List.of(EntityType.ORGANIZATION, EntityType.PERSON)) {
			Entity best = null;
			int bestStart = -1;
			for (Entity entity : entities) {
				if (entity.type() != type) {
					continue;
				}
				for (Mention mention : entity.mentions()) {
					if (mention.end() > before || mention.start() <= bestStart) {
						continue;
					}
					boolean fits;
					if (type == EntityType.ORGANIZATION) {
						List<String> name = List
							.of((entity.name() + " " + mention.text()).toLowerCase(java.util.Locale.ROOT)
								.split("[^\\p{L}]+"));
						fits = java.util.Arrays.stream(roleWords).allMatch(name::contains) || standsFor(head, name);
					}
					else {
						// The role is written in the sentence that names the person:
						// Coach V. S. Kumbhar, Sanna Rönkkö, the union's chair.
						String sentence = text.substring(sentenceStart(text, mention.start(), 0),
								sentenceEnd(text, mention.end(), Math.min(text.length(), before)));
						fits = List.of(sentence.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}]+")).contains(head);
					}
					if (fits) {
						best = entity;
						bestStart = mention.start();
					}
				}
			}
			if (best != null) {
				return Optional.of(best);
			}
		}
		return Optional.empty();
	}

	/** Role nouns for a court: {@code the bench wrote}, {@code the judges said}. */
	private static final java.util.Set<String> BENCH = java.util.Set.of("bench", "judges", "panel", "justices");

	/** Role nouns for a regulator: {@code the regulator said}. */
	private static final java.util.Set<String> REGULATOR = java.util.Set.of("regulator", "watchdog");

	/** Role nouns for a company: {@code the company said}, {@code the operator said}. */
	private static final java.util.Set<String> COMPANY = java.util.Set.of("company", "firm", "operator", "carrier",
			"airline", "lender", "retailer", "start-up", "startup", "platform", "developer", "insurer", "miner",
			"manufacturer", "producer", "utility");

	/** Words of a public body's name, which a company role noun does not stand for. */
	private static final java.util.Set<String> PUBLIC_BODY = java.util.Set.of("ministry", "department", "government",
			"council", "court", "tribunal", "commission", "authority", "agency", "assembly", "parliament", "senate",
			"police", "army", "party", "union", "committee", "office", "bureau", "board", "municipality", "university",
			"association", "federation", "cooperative", "co", "operative", "foundation", "bank", "fund", "organization",
			"organisation", "nations", "administration", "directorate", "institute");

	/**
	 * Whether a role noun other than a word of the name stands for an organisation: the
	 * bench for a court or tribunal, the regulator for an authority, commission or board,
	 * the company for a name that is no public body's.
	 */
	private static boolean standsFor(String role, List<String> name) {
		if (BENCH.contains(role)) {
			return name.contains("court") || name.contains("tribunal");
		}
		if (REGULATOR.contains(role)) {
			return name.contains("authority") || name.contains("commission") || name.contains("board")
					|| name.contains("regulator") || name.contains("agency");
		}
		if (COMPANY.contains(role)) {
			return name.stream().noneMatch(PUBLIC_BODY::contains);
		}
		return false;
	}

	/**
	 * Whether a quotation goes on with the previous speaker: it follows an attributed
	 * quotation in the same paragraph, or opens the next paragraph, and nobody else is
	 * named in between.
	 */
	private static boolean continues(String text, Quote previous, int start, int paragraphStart,
			List<Entity> entities) {
		if (previous == null || previous.speaker() == null) {
			return false;
		}
		boolean sameParagraph = previous.end() > paragraphStart;
		String between = text.substring(Math.min(previous.end(), paragraphStart), paragraphStart);
		boolean nextParagraph = text.substring(paragraphStart, start).isBlank()
				&& between.indexOf("\n\n") == between.lastIndexOf("\n\n");
		if (!sameParagraph && !nextParagraph) {
			return false;
		}
		int from = previous.end();
		return entities.stream()
			.filter((e) -> e.type() == EntityType.PERSON && !e.name().equals(previous.speaker()))
			.flatMap((e) -> e.mentions().stream())
			.noneMatch((m) -> m.start() >= from && m.end() <= start);
	}

	/**
	 * A full sentence rather than a quoted term: a capital first and closing punctuation
	 * last.
	 */
	private static boolean isSentence(String words) {
		return Character.isUpperCase(words.codePointAt(0)) && words.matches("(?s).*[.!?…,]$");
	}

	private Optional<Quote> speaker(String text, String who, int whoStart, String words, int start, int end,
			List<Entity> entities, String how) {
		String trimmed = who.strip();
		if (PRONOUN.matcher(trimmed).find() || PRONOUN_BEFORE_VERB.matcher(trimmed).find()) {
			// He said; Outside the town hall, she said.
			return lastPersonBefore(start, entities)
				.map((person) -> new Quote(words, start, end, person.name(), person.id(), "pronoun"));
		}
		if (IT.matcher(trimmed).matches()) {
			// “…,” it said: the organisation last named.
			return lastBefore(start, entities, EntityType.ORGANIZATION)
				.map((body) -> new Quote(words, start, end, body.name(), body.id(), "pronoun"));
		}
		Matcher role = ROLE.matcher(trimmed);
		if (role.matches()) {
			return byRole(text, role.group("role"), start, entities)
				.map((e) -> new Quote(words, start, end, e.name(), e.id(), "role"));
		}
		int whoEnd = whoStart + who.length();
		return entities.stream()
			.filter((e) -> e.type() == EntityType.PERSON || e.type() == EntityType.ORGANIZATION)
			.filter((e) -> e.mentions().stream().anyMatch((m) -> m.start() >= whoStart && m.end() <= whoEnd))
			.min(Comparator.comparingInt((Entity e) -> firstMentionIn(e, whoStart, whoEnd))
				.thenComparing((Entity e) -> e.type() != EntityType.PERSON))
			.map((e) -> new Quote(words, start, end, e.name(), e.id(), how));
	}

	private static int firstMentionIn(Entity entity, int from, int to) {
		return entity.mentions()
			.stream()
			.filter((m) -> m.start() >= from && m.end() <= to)
			.mapToInt(Mention::start)
			.min()
			.orElse(Integer.MAX_VALUE);
	}

	private static Optional<Entity> lastPersonBefore(int offset, List<Entity> entities) {
		return lastBefore(offset, entities, EntityType.PERSON);
	}

	private static Optional<Entity> lastBefore(int offset, List<Entity> entities, EntityType type) {
		Entity best = null;
		int bestStart = -1;
		for (Entity entity : entities) {
			if (entity.type() != type) {
				continue;
			}
			for (Mention mention : entity.mentions()) {
				if (mention.end() <= offset && mention.start() > bestStart) {
					best = entity;
					bestStart = mention.start();
				}
			}
		}
		return Optional.ofNullable(best);
	}

	private static int sentenceStart(String text, int offset, int paragraphStart) {
		for (int i = offset - 1; i > paragraphStart; i--) {
			char c = text.charAt(i);
			if ((c == '.' || c == '!' || c == '?') && i + 1 < text.length()
					&& Character.isWhitespace(text.charAt(i + 1))) {
				return i + 1;
			}
		}
		return paragraphStart;
	}

	private static int sentenceEnd(String text, int offset, int paragraphEnd) {
		for (int i = offset; i < paragraphEnd; i++) {
			char c = text.charAt(i);
			if ((c == '.' || c == '!' || c == '?')
					&& (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))) {
				return i + 1;
			}
		}
		return paragraphEnd;
	}

	private static String firstNonNull(String... values) {
		for (String value : values) {
			if (value != null) {
				return value;
			}
		}
		return "";
	}

	private static int firstStart(Matcher matcher, String... groups) {
		for (String group : groups) {
			if (matcher.group(group) != null) {
				return matcher.start(group);
			}
		}
		return 0;
	}

}
