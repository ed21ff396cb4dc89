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
	private static final Pattern BEFORE = Pattern.compile("(?<who>[^.;“”\"]{1,120}?)\\s+(?:" + VERBS
			+ "|called|calls|described|describes|held|ruled|found|ordered)\\b[^.;“”\"]{0,200}$");

	private static final Pattern ACCORDING_TO = Pattern.compile("(?i:according to)\\s+(?<who>[^,.;“\"]{1,80})");

	/**
	 * A speaker named by role: {@code the ministry}, {@code the central bank},
	 * {@code its coach}.
	 */
	private static final Pattern ROLE = Pattern
		.compile("^(?:[Tt]he|[Ii]ts)\\s+(?<role>\\p{Ll}[\\p{L}-]*(?:\\s\\p{Ll}[\\p{L}-]*)?)$");

	/**
	 * A sentence opened by a pronoun or a possessive that points back to the last person.
	 */
	private static final Pattern POINTS_BACK = Pattern.compile("^(?:He|She|They|His|Her|Their)\\b");

	private static final Pattern SPEECH_VERB = Pattern.compile("\\b(?:" + VERBS + ")\\b");

	private static final Pattern PRONOUN_BEFORE_VERB = Pattern.compile("\\b(he|she|they)$", Pattern.CASE_INSENSITIVE);

	private static final Pattern PRONOUN = Pattern.compile("^(he|she|they)\\b", Pattern.CASE_INSENSITIVE);

	/** A role noun as the subject of a speech verb: {@code the agency said}. */
	private static final Pattern ROLE_SUBJECT = Pattern
		.compile("\\b[Tt]he (?<role>\\p{Ll}[\\p{L}-]*) (?:said|says|announced|stated|added|wrote)\\b");

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
					+ "|the term|the phrase|the word|the slogan|the motto|the banner|the hashtag|the title|reading"
					+ "|nickname|(?:what|which) (?!he |she |they |it |the |its )[\\p{Ll} ]{1,30} (?:call|calls|called))"
					+ "(?:\\s+(?:the|a|an))?,?\\s*$",
			Pattern.CASE_INSENSITIVE);

	/**
	 * A term unnamed people use, written as a plural noun calling something by it:
	 * {@code fishers called the mangroves “…”}, {@code residents call it “…”}. Nobody is
	 * quoted.
	 */
	private static final Pattern CALLED_BY_A_GROUP = Pattern.compile(
			"(?<![\\p{L}])\\p{Ll}{3,}s (?:now |still |often |simply |sometimes )?(?:call|called|nickname|nicknamed)"
					+ "(?: (?:it|them|him|her|this|that|the [\\p{L}-]+(?: [\\p{L}-]+)?))?(?: an?)?\\s*$");

	/** A term the last person named used: {@code what she called a “…”}. */
	private static final Pattern CALLED_CUE = Pattern
		.compile("(what|which) (he|she|they) (called|described as|termed)( an?| the)?\\s*$", Pattern.CASE_INSENSITIVE);

	private static final int SHORT_TERM_WORDS = 5;

	/**
	 * A term a body named by a role noun uses: {@code which the bank calls “…”},
	 * {@code a machine that the cooperative calls “…”}.
	 */
	private static final Pattern CALLED_BY_ROLE = Pattern
		.compile("(?:what|which|that) (?:the|its) (?<role>\\p{Ll}[\\p{L}-]*)"
				+ " (?:calls|called|terms|termed|describes as|described as)(?: an?| the| its)?\\s*$");

	/**
	 * A term an organisation uses, named by {@code it}: {@code what it calls a “…”},
	 * {@code which it described as “…”}.
	 */
	private static final Pattern CALLED_BY_IT = Pattern
		.compile("(?:what|which|that) it (?:calls|called|terms|termed|describes as|described as)(?: an?| the)?\\s*$");

	/**
	 * A quoted word glossed right after it as a term: {@code “batik tulis”, the term for
	 * cloth drawn by hand}. Nobody is quoted.
	 */
	private static final Pattern GLOSSED_AFTER = Pattern.compile(
			"^[”\"]?,?\\s+(?:the|a|an)\\s+(?:[\\p{L}-]+\\s+){0,2}(?:term|word|name|nickname|phrase|expression)\\s+(?:for|used|given|that|meaning)\\b");

	/**
	 * A body of judges or members as the subject, with the person at its head named after
	 * it: {@code A two-judge bench headed by Justice …}. The body speaks.
	 */
	private static final Pattern BODY_HEADED_BY = Pattern.compile(
			"^(?:[Aa]|[Tt]he|[Ii]ts)\\s+(?:[\\p{L}-]+\\s+){0,2}(?<role>bench|panel|court|committee|tribunal|commission|board)"
					+ "\\s+(?:headed|led|chaired|presided over)\\s+by\\b");

	/**
	 * An article or possessive right before the opening mark: the quotation is a named
	 * thing ({@code offering a “roof MOT”}), not the words of a speaker reported far
	 * before it.
	 */
	private static final Pattern NAMED_THING = Pattern.compile("\\b(?:a|an|the|its|their|his|her)\\s*$");

	/** How far after its speech verb a quoted fragment of reported speech may start. */
	private static final int NEAR_VERB = 60;

	/**
	 * The full stop of an abbreviation or an initial before a capital
	 * ({@code Dr. Okafor}, {@code K. R. Arumugam}), which ends no sentence.
	 */
	private static final Pattern ABBREVIATION = Pattern.compile("(?<![\\p{L}])(?:Dr|Mr|Mrs|Ms|Prof|Sr|Sra|Srta|Jr|St|Mt"
			+ "|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Rep|Sen|Gov|Rev|Hon|Ma|Fr|Mgr|No|Lcda|Lcdo|Lic|Ing|Arq|Dra|Ven|Eng|Cllr|Smt"
			+ "|Shri|Bro|Sis|Pr|\\p{Lu})\\.(?=\\s\\p{Lu})");

	/** A stand-in of the same length for an abbreviation's full stop. */
	private static final char ABBREVIATION_DOT = '\u2024';

	public List<Quote> find(String original, List<Entity> entities) {
		// Sentences and attributions are read with abbreviations' full stops masked, at
		// the same offsets; the quotations' words are the original ones.
		String text = withNamesMasked(
				ABBREVIATION.matcher(original).replaceAll((m) -> m.group().replace('.', ABBREVIATION_DOT)), entities);
		List<Quote> quotes = new ArrayList<>();
		Matcher matcher = QUOTE.matcher(text);
		Quote previous = null;
		while (matcher.find()) {
			int group = (matcher.group(1) != null) ? 1 : 3;
			String words = original.substring(matcher.start(group), matcher.end(group));
			if (words.isBlank()) {
				continue;
			}
			int start = matcher.start();
			int end = matcher.end();
			Quote quote = attribute(text, words.strip(), start, end, entities, previous);
			quotes.add(quote);
			previous = quote;
		}
		return echoedInTheHeadline(text, spanningParagraphs(text, quotes));
	}

	/**
	 * The full stops inside names masked too ({@code Boka Marine Agency d.o.o.},
	 * {@code Tocantins Polpas e Alimentos Ltda.}): they end no sentence, unless the last
	 * one is followed by what opens a new sentence.
	 */
	private static String withNamesMasked(String text, List<Entity> entities) {
		char[] chars = null;
		for (Entity entity : entities) {
			for (Mention mention : entity.mentions()) {
				for (int i = mention.start(); i < mention.end() && i < text.length(); i++) {
					if (text.charAt(i) != '.' || (i == mention.end() - 1 && endsASentence(text, i + 1))) {
						continue;
					}
					if (chars == null) {
						chars = text.toCharArray();
					}
					chars[i] = ABBREVIATION_DOT;
				}
			}
		}
		return (chars != null) ? new String(chars) : text;
	}

	/**
	 * Whether what follows a full stop opens a new sentence: a capital, a quotation mark,
	 * a line break or the end.
	 */
	private static boolean endsASentence(String text, int after) {
		if (after >= text.length() || text.charAt(after) == '\n') {
			return true;
		}
		if (text.charAt(after) != ' ') {
			// d.o.o., or Ltda.) : the name goes on into the sentence
			return false;
		}
		int at = after;
		while (at < text.length() && text.charAt(at) == ' ') {
			at++;
		}
		if (at >= text.length()) {
			return true;
		}
		char next = text.charAt(at);
		return next == '\n' || Character.isUpperCase(next) || next == '\u201C' || next == '"';
	}

	/**
	 * A quotation in the headline that nobody is said to speak there takes the speaker of
	 * the quotation in the body that holds its words ({@code “We fish in a garden now”:
	 * water hyacinth chokes the gulf} and, below, {@code “We fish in a garden now. …,”
	 * Ouma said}).
	 */
	private static List<Quote> echoedInTheHeadline(String text, List<Quote> quotes) {
		int headlineEnd = text.indexOf("\n\n");
		if (headlineEnd < 0) {
			return quotes;
		}
		List<Quote> result = new ArrayList<>(quotes);
		for (int i = 0; i < result.size(); i++) {
			Quote headline = result.get(i);
			if (headline.start() >= headlineEnd || headline.speaker() != null) {
				continue;
			}
			String words = headline.text().replaceAll("[.,!?…]+$", "").toLowerCase(java.util.Locale.ROOT);
			if (words.isBlank()) {
				continue;
			}
			for (Quote body : result) {
				if (body.start() > headlineEnd && body.speaker() != null
						&& body.text().toLowerCase(java.util.Locale.ROOT).contains(words)) {
					result.set(i, new Quote(headline.text(), headline.start(), headline.end(), body.speaker(),
							body.speakerId(), "headline"));
					break;
				}
			}
		}
		return result;
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
		if (before.isBlank() && paragraphBreak > 0 && text.substring(0, paragraphBreak).stripTrailing().endsWith(":")) {
			// She said:\n\n“…”: the sentence ending the paragraph before introduces it.
			int previousStart = paragraphStart(text, paragraphBreak - 1);
			int colon = text.substring(0, paragraphBreak).stripTrailing().length();
			before = text.substring(sentenceStart(text, colon - 1, previousStart), start);
		}
		String after = text.substring(end, Math.min(paragraphEnd, end + 120));
		String lead = text.substring(Math.max(paragraphStart, start - 40), start);
		if (interrupts(text, previous, start)) {
			// “…,” said Ane Miren, the crew’s stroke, “because …”: the same speaker goes
			// on
			return new Quote(words, start, end, previous.speaker(), previous.speakerId(), "continued");
		}
		Matcher calledByRole = CALLED_BY_ROLE.matcher(lead);
		if (calledByRole.find()) {
			// which the bank calls “…”: the body the role noun stands for; what the
			// decision called “…”: the body that issued it
			String role = calledByRole.group("role");
			Optional<Entity> body = DOCUMENTS.contains(role) ? issuer(text, role, start, entities)
					: byRole(text, role, start, entities);
			if (body.isPresent()) {
				return new Quote(words, start, end, body.get().name(), body.get().id(), "role");
			}
		}
		if (CALLED_BY_IT.matcher(lead).find()) {
			Optional<Entity> body = itsBody(text, start, entities);
			if (body.isPresent()) {
				return new Quote(words, start, end, body.get().name(), body.get().id(), "pronoun");
			}
		}
		if (GLOSSED_AFTER.matcher(text.substring(end - 1, Math.min(text.length(), end + 60))).find()
				&& words.split("\\s+").length <= SHORT_TERM_WORDS) {
			return new Quote(words, start, end, null, null, "none");
		}
		if (TERM_CUE.matcher(lead).find() || CALLED_BY_A_GROUP.matcher(lead).find()) {
			return new Quote(words, start, end, null, null, "none");
		}
		if (CALLED_CUE.matcher(lead).find()) {
			Matcher called = CALLED_CUE.matcher(lead);
			String pronoun = called.find() ? called.group(2) : null;
			Optional<Entity> person = pronounReferent(text, start, entities, pronoun);
			if (person.isPresent()) {
				return new Quote(words, start, end, person.get().name(), person.get().id(), "pronoun");
			}
		}

		// A full stop after the closing mark ends the sentence: what follows is
		// another's.
		Matcher afterMatch = AFTER.matcher(after);
		if (!after.startsWith(".") && afterMatch.find()) {
			String who = firstNonNull(afterMatch.group("who1"), afterMatch.group("who2"), afterMatch.group("who3"));
			int whoStart = end + firstStart(afterMatch, "who1", "who2", "who3");
			Optional<Quote> found = speaker(text, who, whoStart, words, start, end, entities,
					(afterMatch.group("who3") != null) ? "according-to" : "said");
			if (found.isPresent()) {
				return found.get();
			}
		}
		Matcher beforeMatch = BEFORE.matcher(before);
		if (beforeMatch.find() && (before.length() - beforeMatch.end("who") <= NEAR_VERB + 10
				|| !NAMED_THING.matcher(before).find())) {
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
			if (found.isEmpty() && according.group("who").matches("(?:the|its|a|an) .*")) {
				// according to the company’s lawyer, Ricardo Nogueira, …
				found = personRightAfter(text, whoStart + according.group("who").length(), entities)
					.map((person) -> new Quote(words, start, end, person.name(), person.id(), "according-to"));
			}
			if (found.isPresent()) {
				return found.get();
			}
		}
		if (continues(text, previous, start, paragraphStart, entities) && isSentence(words)) {
			return new Quote(words, start, end, previous.speaker(), previous.speakerId(), "continued");
		}
		Optional<Entity> subject = isSentence(words) ? subjectBefore(text, start, paragraphStart, entities)
				: Optional.empty();
		if (subject.isPresent()) {
			return new Quote(words, start, end, subject.get().name(), subject.get().id(), "subject");
		}
		return new Quote(words, start, end, null, null, "none");
	}

	/**
	 * Whether a quotation goes on one the attribution of the previous one interrupted, in
	 * the same sentence: {@code “…,” she said, “…”}.
	 */
	private static boolean interrupts(String text, Quote previous, int start) {
		if (previous == null || previous.speaker() == null || previous.end() > start || start - previous.end() > 160) {
			return false;
		}
		String between = text.substring(previous.end(), start);
		return between.stripTrailing().endsWith(",") && SPEECH_VERB.matcher(between).find()
				&& between.chars().noneMatch((c) -> c == '.' || c == '!' || c == '?' || c == '\n' || c == ';');
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
		Matcher pronounBefore = PRONOUN_BEFORE_VERB.matcher(before);
		if (pronounBefore.find()) {
			return pronounReferent(text, start, entities, pronounBefore.group(1))
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
		Matcher pointsBack = POINTS_BACK.matcher(opening);
		if (pointsBack.find()) {
			return pronounReferent(text, start, entities, pointsBack.group())
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
		Matcher personal = PERSONAL.matcher(opening);
		if (personal.find()) {
			// Nobody named, a pronoun points back: was, in his words, a warning: “…”
			return pronounReferent(text, start, entities, personal.group())
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
		String[] roleWords = plain(role).split("\\s");
		String head = roleWords[roleWords.length - 1];
		Entity best = null;
		int bestStart = -1;
		for (Entity entity : entities) {
			if (entity.type() != EntityType.ORGANIZATION) {
				continue;
			}
			for (Mention mention : entity.mentions()) {
				if (mention.end() > before || mention.start() <= bestStart) {
					continue;
				}
				List<String> name = List.of(plain(entity.name() + " " + mention.text()).split("[^\\p{L}]+"));
				if (java.util.Arrays.stream(roleWords).allMatch(name::contains) || standsFor(head, name)) {
					best = entity;
					bestStart = mention.start();
				}
			}
		}
		if (best != null) {
			return Optional.of(best);
		}
		// An insurer, a court or a ministry is never a person, whoever the sentence
		// that holds the word names (the insurer’s inspectors, said the lawyer …).
		return isOrganisationRole(head) ? Optional.empty() : personByRole(text, head, before, entities);
	}

	/** Whether a role noun only ever stands for an organisation. */
	private static boolean isOrganisationRole(String role) {
		return (ROLE_NAMES.containsKey(role) && !role.equals("judges")) || COMPANY.contains(role)
				|| ANY_ORGANISATION.contains(role);
	}

	/**
	 * The person a role noun stands for: of the last sentence before the quotation that
	 * names a person and holds the role word, the person named nearest the word
	 * ({@code The parish priest, Father Gennaro Russo, said Mass with the bishop, Monsignor
	 * Aldo Conti}: the priest is Russo).
	 */
	private static Optional<Entity> personByRole(String text, String head, int before, List<Entity> entities) {
		Pattern word = Pattern.compile("(?<![\\p{L}])" + Pattern.quote(head) + "(?![\\p{L}])",
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
		Entity best = null;
		int bestSentence = -1;
		int bestDistance = Integer.MAX_VALUE;
		for (Entity entity : entities) {
			if (entity.type() != EntityType.PERSON) {
				continue;
			}
			for (Mention mention : entity.mentions()) {
				if (mention.end() > before) {
					continue;
				}
				int sentenceStart = sentenceStart(text, mention.start(), 0);
				int sentenceEnd = sentenceEnd(text, mention.end(), Math.min(text.length(), before));
				Matcher role = word.matcher(plain(text.substring(sentenceStart, sentenceEnd)));
				int distance = Integer.MAX_VALUE;
				while (role.find()) {
					int at = sentenceStart + role.start();
					distance = Math.min(distance,
							Math.min(Math.abs(at - mention.start()), Math.abs(at - mention.end())));
				}
				if (distance == Integer.MAX_VALUE) {
					continue;
				}
				if (sentenceStart > bestSentence || (sentenceStart == bestSentence && distance < bestDistance)) {
					best = entity;
					bestSentence = sentenceStart;
					bestDistance = distance;
				}
			}
		}
		return Optional.ofNullable(best);
	}

	/**
	 * Words of an organisation's name, in several languages, that a role noun other than
	 * those words stands for: the bench for a court, the co-operative for an
	 * {@code Osuusmeijeri}, the agency for a directorate (written without accents).
	 */
	private static final java.util.Map<String, java.util.Set<String>> ROLE_NAMES = java.util.Map.ofEntries(
			java.util.Map.entry("bench", java.util.Set.of("court", "tribunal", "cour", "corte", "tribunale", "hof")),
			java.util.Map.entry("judges", java.util.Set.of("court", "tribunal", "cour", "corte", "tribunale", "hof")),
			java.util.Map.entry("panel", java.util.Set.of("court", "tribunal", "panel", "committee", "commission")),
			java.util.Map.entry("court",
					java.util.Set.of("court", "tribunal", "cour", "corte", "tribunale", "hof", "juzgado", "gericht")),
			java.util.Map.entry("regulator",
					java.util.Set.of("authority", "commission", "board", "regulator", "agency", "autorite", "autoridad",
							"comision")),
			java.util.Map.entry("watchdog", java.util.Set.of("authority", "commission", "board", "ombudsman")),
			java.util.Map.entry("cooperative",
					java.util.Set.of("cooperative", "cooperativa", "cooperativo", "koperasi", "osuuskunta",
							"osuusmeijeri", "genossenschaft", "kooperativ", "operative")),
			java.util.Map.entry("co-operative",
					java.util.Set.of("cooperative", "cooperativa", "cooperativo", "koperasi", "osuuskunta",
							"osuusmeijeri", "genossenschaft", "kooperativ", "operative")),
			java.util.Map.entry("agency",
					java.util.Set.of("agency", "agence", "agencia", "directorate", "authority", "office", "bureau",
							"service", "administration", "lembaga", "badan")),
			java.util.Map.entry("directorate", java.util.Set.of("directorate", "direction", "direccion", "directorat")),
			java.util.Map.entry("club",
					java.util.Set.of("club", "clube", "klub", "fc", "cf", "sc", "united", "athletic", "rovers",
							"wanderers", "sportive", "sportif", "deportivo", "sporting")),
			java.util.Map.entry("council",
					java.util.Set.of("council", "conseil", "consejo", "conselho", "consiglio", "assembly",
							"municipality", "gemeente", "kommune", "majlis", "dewan")),
			java.util.Map.entry("ministry",
					java.util.Set.of("ministry", "ministere", "ministerio", "ministero", "ministerstvo",
							"kementerian")),
			java.util.Map.entry("university",
					java.util.Set.of("university", "universidad", "universidade", "universite", "universita",
							"universitas", "universiti", "universitat")),
			java.util.Map.entry("union", java.util.Set.of("union", "sindicato", "syndicat", "gewerkschaft")),
			java.util.Map.entry("association",
					java.util.Set.of("association", "asociacion", "associacao", "associazione", "vereniging", "verein",
							"stowarzyszenie", "dernek", "jamiya")),
			java.util.Map.entry("party", java.util.Set.of("party", "partido", "parti", "partei", "partai")),
			java.util.Map.entry("commission",
					java.util.Set.of("commission", "comision", "comissao", "commissione", "commissie")),
			java.util.Map.entry("federation",
					java.util.Set.of("federation", "federacion", "federacao", "federazione", "federatie", "ligue",
							"liga", "league")),
			java.util.Map.entry("league", java.util.Set.of("league", "ligue", "liga", "federation")),
			java.util.Map.entry("police", java.util.Set.of("police", "policia", "polizei", "politie", "polis")));

	/** Role nouns for any organisation: {@code the organisation said}. */
	private static final java.util.Set<String> ANY_ORGANISATION = java.util.Set.of("organisation", "organization",
			"body");

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
		java.util.Set<String> words = ROLE_NAMES.get(role);
		if (words != null) {
			return name.stream().anyMatch(words::contains);
		}
		if (ANY_ORGANISATION.contains(role)) {
			return true;
		}
		if (COMPANY.contains(role)) {
			return name.stream().noneMatch(PUBLIC_BODY::contains);
		}
		return false;
	}

	/**
	 * A word without its accents, in lower case: {@code fédération} is
	 * {@code federation}.
	 */
	private static String plain(String word) {
		return java.text.Normalizer.normalize(word, java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(java.util.Locale.ROOT);
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
		// Names in the previous quotation's own sentence ("said Anna Lindholm, who
		// founded
		// Isvak Bastu") are its attribution, not a new speaker.
		int from = Math.min(start, sentenceEnd(text, previous.end(), text.length()));
		return entities.stream()
			.filter((e) -> e.type() == EntityType.PERSON && !e.name().equals(previous.speaker()))
			.flatMap((e) -> e.mentions().stream())
			.noneMatch((m) -> m.start() >= from && m.end() <= start);
	}

	/**
	 * The person a quotation standing alone after a sentence about them belongs to:
	 * {@code Hallgrímur said he would watch from the quay. “I row only in my dreams
	 * these days.”} The quotation opens its sentence, and the sentence before it, in the
	 * same paragraph, names a person first and no one else after its subject but people
	 * it names as objects is quoted in between.
	 */
	private static Optional<Entity> subjectBefore(String text, int start, int paragraphStart, List<Entity> entities) {
		if (!text.substring(sentenceStart(text, start, paragraphStart), start).isBlank() || start <= paragraphStart) {
			return Optional.empty();
		}
		int previousSentence = previousSentenceStart(text, start, paragraphStart);
		if (previousSentence < 0 || text.substring(previousSentence, start).contains("“")) {
			return Optional.empty();
		}
		return firstNamed(entities, previousSentence, start,
				(type) -> type == EntityType.PERSON || type == EntityType.ORGANIZATION)
			.filter((first) -> first.type() == EntityType.PERSON)
			.filter((first) -> {
				int firstStart = firstMentionIn(first, previousSentence, start);
				return text.substring(previousSentence, firstStart).isBlank() && !possessorAt(text, first, firstStart);
			});
	}

	/**
	 * Where the sentence before the one that starts at {@code sentenceStart} starts, in
	 * the same paragraph; -1 when that sentence opens the paragraph.
	 */
	private static int previousSentenceStart(String text, int sentenceStart, int paragraphStart) {
		int end = sentenceStart;
		while (end > paragraphStart && Character.isWhitespace(text.charAt(end - 1))) {
			end--;
		}
		return (end <= paragraphStart) ? -1 : sentenceStart(text, end - 1, paragraphStart);
	}

	/** Of the entities of the given types, the one named first between two offsets. */
	private static Optional<Entity> firstNamed(List<Entity> entities, int from, int to,
			java.util.function.Predicate<EntityType> types) {
		return entities.stream()
			.filter((e) -> types.test(e.type()) && firstMentionIn(e, from, to) < Integer.MAX_VALUE)
			.min(Comparator.comparingInt((Entity e) -> firstMentionIn(e, from, to)));
	}

	private static boolean possessorAt(String text, Entity entity, int at) {
		return entity.mentions().stream().anyMatch((m) -> m.start() == at && possessor(text, m));
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
		Matcher pronounFirst = PRONOUN.matcher(trimmed);
		Matcher pronounLast = PRONOUN_BEFORE_VERB.matcher(trimmed);
		boolean first = pronounFirst.find();
		if (first || pronounLast.find()) {
			// He said; Outside the town hall, she said.
			String pronoun = first ? pronounFirst.group(1) : pronounLast.group(1);
			return pronounReferent(text, start, entities, pronoun)
				.map((person) -> new Quote(words, start, end, person.name(), person.id(), "pronoun"));
		}
		if (IT.matcher(trimmed).matches()) {
			return itsBody(text, start, entities)
				.map((body) -> new Quote(words, start, end, body.name(), body.id(), "pronoun"));
		}
		Matcher headed = BODY_HEADED_BY.matcher(trimmed);
		Matcher owned = OWNED_DOCUMENT.matcher(trimmed);
		// A bench headed by Justice …; the ministry’s order said: the body the role noun
		// names
		String bodyRole = headed.find() ? headed.group("role")
				: (owned.matches() && DOCUMENTS.contains(owned.group("document"))) ? owned.group("owner") : null;
		Optional<Entity> roleBody = (bodyRole != null)
				? byRole(text, bodyRole, start, entities).filter((e) -> e.type() == EntityType.ORGANIZATION)
				: Optional.empty();
		if (roleBody.isPresent()) {
			return roleBody.map((e) -> new Quote(words, start, end, e.name(), e.id(), "role"));
		}
		Matcher its = ITS_DOCUMENT.matcher(trimmed);
		if (its.matches() && DOCUMENTS.contains(its.group("document"))) {
			// Its resolution described the crisis as “…”: the body “its” stands for, the
			// one the sentence before opened with, else as for “it”
			return subjectOrganisation(text, whoStart, entities).or(() -> itsBody(text, start, entities))
				.map((body) -> new Quote(words, start, end, body.name(), body.id(), "pronoun"));
		}
		Matcher role = ROLE.matcher(trimmed);
		if (role.matches() && DOCUMENTS.contains(role.group("role"))) {
			// “…,” the report said: the organisation that issued it, or else the one
			// the paragraph before named last (the department that set up the inquiry)
			return issuer(text, role.group("role"), start, entities).or(() -> recentOrganisation(text, start, entities))
				.map((e) -> new Quote(words, start, end, e.name(), e.id(), "role"));
		}
		if (role.matches()) {
			return byRole(text, role.group("role"), start, entities)
				.map((e) -> new Quote(words, start, end, e.name(), e.id(), "role"));
		}
		int whoEnd = whoStart + who.length();
		Optional<Entity> named = entities.stream()
			.filter((e) -> e.type() == EntityType.PERSON || e.type() == EntityType.ORGANIZATION)
			.filter((e) -> e.mentions().stream().anyMatch((m) -> m.start() >= whoStart && m.end() <= whoEnd))
			.min(Comparator.comparing((Entity e) -> e.type() != EntityType.PERSON)
				.thenComparingInt((Entity e) -> firstMentionIn(e, whoStart, whoEnd)));
		if (named.isPresent() && named.get().type() == EntityType.ORGANIZATION
				&& modifiesRoleNoun(text, named.get(), whoStart, whoEnd)) {
			// "said the port authority's director", "said the APC candidate": the
			// organisation qualifies a person's role; the person is named right after
			// it or is the one the story last made the subject.
			return personRightAfter(text, whoEnd, entities).or(() -> lastPersonBefore(text, start, entities))
				.map((person) -> new Quote(words, start, end, person.name(), person.id(), "role"));
		}
		if (named.isEmpty() && ROLE_PHRASE.matcher(trimmed).matches()) {
			// said the lieutenant governor of the community. The official, Eusebio Puma,
			// …: the person the next sentence names in apposition to a role
			Optional<Entity> next = namedInTheNextSentence(text, whoStart, entities);
			if (next.isPresent()) {
				return next.map((person) -> new Quote(words, start, end, person.name(), person.id(), "role"));
			}
		}
		int comma = trimmed.lastIndexOf(", ");
		if (named.isEmpty() && comma > 0 && comma + 2 < trimmed.length()) {
			// In the written reasons, the court said; In a statement, it said: the
			// subject after the opening phrase.
			String subject = trimmed.substring(comma + 2);
			return speaker(text, subject, whoStart + who.indexOf(subject, who.indexOf(", ")), words, start, end,
					entities, how);
		}
		return named.map((e) -> new Quote(words, start, end, e.name(), e.id(), how));
	}

	/**
	 * The organisation named last before {@code offset}, in its paragraph or the one
	 * before it.
	 */
	private static Optional<Entity> recentOrganisation(String text, int offset, List<Entity> entities) {
		int paragraph = paragraphStart(text, offset);
		int from = (paragraph >= 3) ? paragraphStart(text, paragraph - 3) : 0;
		return lastBefore(offset, entities, EntityType.ORGANIZATION)
			.filter((e) -> e.mentions().stream().anyMatch((m) -> m.start() >= from && m.end() <= offset));
	}

	/**
	 * A speaker named only by a role: {@code the lieutenant governor of the community}.
	 */
	private static final Pattern ROLE_PHRASE = Pattern.compile("(?:the|a|an) \\p{Ll}[^,;:]*");

	/**
	 * A sentence opened by a role noun with a person's name in apposition:
	 * {@code The official, }.
	 */
	private static final Pattern ROLE_APPOSITION = Pattern
		.compile("^[.!?]?\\s*The \\p{Ll}[\\p{L}-]*(?: \\p{Ll}[\\p{L}-]*){0,2}, ");

	/**
	 * The person the sentence after {@code offset} names right after a role noun that
	 * opens it: {@code The official, Eusebio Puma Ccori, has led the protest}.
	 */
	private static Optional<Entity> namedInTheNextSentence(String text, int offset, List<Entity> entities) {
		int sentenceEnd = sentenceEnd(text, offset, Math.min(text.length(), offset + 200));
		if (sentenceEnd >= text.length()) {
			return Optional.empty();
		}
		Matcher apposition = ROLE_APPOSITION.matcher(text)
			.region(sentenceEnd - 1, Math.min(text.length(), sentenceEnd + 60));
		if (!apposition.lookingAt()) {
			return Optional.empty();
		}
		return personRightAfter(text, apposition.end(), entities);
	}

	/**
	 * The organisation the sentence before {@code offset} opens with, its subject:
	 * {@code The Agência Nacional de Mineração said cracks had appeared … Its
	 * inspection report found …}.
	 */
	private static Optional<Entity> subjectOrganisation(String text, int offset, List<Entity> entities) {
		int paragraph = paragraphStart(text, offset);
		int own = sentenceStart(text, offset, paragraph);
		int previous = previousSentenceStart(text, own, paragraph);
		if (previous < 0) {
			return Optional.empty();
		}
		return firstNamed(entities, previous, own, (type) -> true)
			.filter((first) -> first.type() == EntityType.ORGANIZATION)
			.filter((first) -> {
				String lead = text.substring(previous, firstMentionIn(first, previous, own)).strip();
				return lead.isEmpty() || lead.equals("The");
			});
	}

	/**
	 * The organisation {@code it} stands for before a quotation: the body a role noun
	 * named as the subject just before ({@code the agency said it would study the
	 * judgment}), or else the organisation last named.
	 */
	private static Optional<Entity> itsBody(String text, int start, List<Entity> entities) {
		Matcher subject = ROLE_SUBJECT.matcher(text.substring(Math.max(0, start - 300), start));
		String role = null;
		while (subject.find()) {
			role = subject.group("role");
		}
		Optional<Entity> byRole = (role != null)
				? byRole(text, role, start, entities).filter((e) -> e.type() == EntityType.ORGANIZATION)
				: Optional.empty();
		return byRole.or(() -> lastBefore(start, entities, EntityType.ORGANIZATION));
	}

	/** Documents that speak for the organisation that issued them. */
	private static final java.util.Set<String> DOCUMENTS = java.util.Set.of("report", "statement", "filing", "letter",
			"study", "communiqué", "communique", "release", "notice", "survey", "audit", "memo", "submission",
			"decision", "ruling", "judgment", "judgement", "order", "verdict", "resolution", "bulletin", "lawsuit",
			"complaint", "decree", "circular", "guidance", "opinion", "assessment", "review", "advisory", "website",
			"announcement", "newsletter", "minutes", "proposal", "plan", "petition", "appeal", "brief");

	/** A document its owner is named by: {@code the ministry’s order}. */
	private static final Pattern OWNED_DOCUMENT = Pattern.compile(
			"^(?:[Tt]he|[Ii]ts) (?<owner>\\p{Ll}[\\p{L}-]*)(?:’s|'s) (?:\\p{Ll}[\\p{L}-]* ){0,2}(?<document>\\p{Ll}[\\p{L}-]*)$");

	/** A document named by a pronoun for its owner: {@code Its inspection report}. */
	private static final Pattern ITS_DOCUMENT = Pattern
		.compile("^(?:[Ii]ts|[Tt]heir) (?:\\p{Ll}[\\p{L}-]* ){0,2}(?<document>\\p{Ll}[\\p{L}-]*)$");

	/**
	 * The organisation that issued a document: of the last sentences before the quotation
	 * that name the document ({@code The ministry said in a statement},
	 * {@code a report by researchers at the University of Tromsø}), the body its
	 * role-noun subject stands for, or else the first organisation it names.
	 */
	private static Optional<Entity> issuer(String text, String document, int before, List<Entity> entities) {
		Pattern word = Pattern.compile("\\b" + Pattern.quote(document) + "\\b", Pattern.CASE_INSENSITIVE);
		int cursor = before;
		for (int back = 0; back < 8 && cursor > 0; back++) {
			int last = cursor;
			while (last > 0 && Character.isWhitespace(text.charAt(last - 1))) {
				last--;
			}
			if (last == 0) {
				break;
			}
			int sentence = sentenceStart(text, last - 1, paragraphStart(text, last - 1));
			String words = text.substring(sentence, cursor);
			if (word.matcher(words).find() && !words.contains("“")) {
				Matcher subject = ROLE
					.matcher(words.strip().split(",|\\s+(?:said|says|announced|published|issued|wrote)\\b")[0]);
				if (subject.matches() && !DOCUMENTS.contains(subject.group("role"))) {
					Optional<Entity> body = byRole(text, subject.group("role"), sentence, entities)
						.filter((e) -> e.type() == EntityType.ORGANIZATION);
					if (body.isPresent()) {
						return body;
					}
				}
				int from = sentence;
				int to = cursor;
				Optional<Entity> named = entities.stream()
					.filter((e) -> e.type() == EntityType.ORGANIZATION)
					.filter((e) -> firstMentionIn(e, from, to) < Integer.MAX_VALUE)
					.min(Comparator.comparingInt((Entity e) -> firstMentionIn(e, from, to)));
				if (named.isPresent()) {
					return named;
				}
			}
			cursor = sentence;
		}
		return Optional.empty();
	}

	/**
	 * A word in lower case right after an organisation's name: {@code the TPA director}.
	 */
	private static final Pattern ROLE_AFTER_NAME = Pattern.compile("^(?:’s|'s)?\\s+\\p{Ll}");

	/**
	 * Whether an organisation named in a speaker's words is only the modifier of a role
	 * noun after it: {@code the TPA director general}, {@code the party’s candidate}.
	 */
	private static boolean modifiesRoleNoun(String text, Entity organisation, int whoStart, int whoEnd) {
		for (Mention mention : organisation.mentions()) {
			if (mention.start() >= whoStart && mention.end() <= whoEnd) {
				String rest = text.substring(mention.end(), whoEnd);
				return ROLE_AFTER_NAME.matcher(rest).find() && !SPEECH_VERB.matcher(rest).find();
			}
		}
		return false;
	}

	/**
	 * A person named right after a speaker's role: {@code director general, Asha Juma}.
	 */
	private static Optional<Entity> personRightAfter(String text, int offset, List<Entity> entities) {
		int at = offset;
		while (at < text.length() && (text.charAt(at) == ',' || text.charAt(at) == ' ')) {
			at++;
		}
		int from = at;
		return entities.stream()
			.filter((e) -> e.type() == EntityType.PERSON)
			.filter((e) -> e.mentions().stream().anyMatch((m) -> m.start() == from))
			.findFirst();
	}

	private static int firstMentionIn(Entity entity, int from, int to) {
		return entity.mentions()
			.stream()
			.filter((m) -> m.start() >= from && m.end() <= to)
			.mapToInt(Mention::start)
			.min()
			.orElse(Integer.MAX_VALUE);
	}

	/**
	 * The person a pronoun before the quotation at {@code offset} stands for: the one its
	 * gender agrees with where the article gives it ({@link Gender}), or else the last
	 * person named.
	 */
	private static Optional<Entity> pronounReferent(String text, int offset, List<Entity> entities, String pronoun) {
		return Gender.referent(text, offset, entities, pronoun).or(() -> lastPersonBefore(text, offset, entities));
	}

	/**
	 * The person a pronoun before or after a quotation points back to: of the sentence
	 * that last named a person, the first person it names, its subject in news copy
	 * ({@code Prosecutor Megan O’Sullivan told the court that Whitcombe had forged …
	 * “…,” she said}).
	 */
	private static Optional<Entity> lastPersonBefore(String text, int offset, List<Entity> entities) {
		Optional<Entity> last = lastBefore(offset, entities, EntityType.PERSON);
		if (last.isEmpty()) {
			return last;
		}
		int lastStart = last.get()
			.mentions()
			.stream()
			.filter((m) -> m.end() <= offset)
			.mapToInt(Mention::start)
			.max()
			.orElse(-1);
		int sentence = sentenceStart(text, lastStart, paragraphStart(text, lastStart));
		Entity subject = null;
		int subjectStart = Integer.MAX_VALUE;
		for (Entity entity : entities) {
			if (entity.type() != EntityType.PERSON) {
				continue;
			}
			for (Mention mention : entity.mentions()) {
				if (mention.start() >= sentence && mention.start() <= lastStart && mention.start() < subjectStart
						&& !possessor(text, mention)) {
					subject = entity;
					subjectStart = mention.start();
				}
			}
		}
		return Optional.ofNullable(subject).or(() -> last);
	}

	/**
	 * Whether a person is named as the possessor of someone else, who is then the
	 * subject: {@code Mensah’s lawyer, Ama Ofori, said}.
	 */
	static boolean possessor(String text, Mention mention) {
		return text.startsWith("’s ", mention.end()) || text.startsWith("'s ", mention.end());
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

	/**
	 * Where the paragraph holding {@code offset} starts: after the blank line before it.
	 */
	static int paragraphStart(String text, int offset) {
		int paragraph = text.lastIndexOf("\n\n", offset);
		return (paragraph < 0) ? 0 : paragraph + 2;
	}

	static int sentenceStart(String text, int offset, int paragraphStart) {
		for (int i = offset - 1; i > paragraphStart; i--) {
			char c = text.charAt(i);
			if ((c == '.' || c == '!' || c == '?') && i + 1 < text.length()
					&& Character.isWhitespace(text.charAt(i + 1))) {
				return i + 1;
			}
		}
		return paragraphStart;
	}

	static int sentenceEnd(String text, int offset, int paragraphEnd) {
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
