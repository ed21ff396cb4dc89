package io.pressline.enrich.nlp.quote;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pressline.enrich.nlp.ner.Entity;
import io.pressline.enrich.nlp.ner.EntityType;
import io.pressline.enrich.nlp.ner.Mention;

/**
 * The person a {@code he} or {@code she} refers to, from what the article itself says of
 * each person's gender: an honorific before the name ({@code Mr}, {@code Ms},
 * {@code Hajiya}), a gendered role word beside it ({@code chairwoman},
 * {@code her husband, …}, {@code …, a fisherman}), or a pronoun used of them in the
 * sentence that names them or at the start of the next ({@code he}, {@code his},
 * {@code she}: not {@code her} or {@code him}, which are as often someone else's object).
 * Never from the name itself.
 * <p>
 * Of the sentence that last named a person, the pronoun means a person whose gender
 * agrees or is not given; of several that fit, the subject of the sentence's last speech
 * verb, or else the last one named. A sentence that names nobody of the right gender is
 * passed over for the one before; a sentence opened by the same pronoun
 * ({@code She met Karaosmanoğlu}) hands the reference on to what that pronoun means.
 */
final class Gender {

	static final int HE = 1;

	static final int SHE = 2;

	private static final String MALE_WORDS = "mr|sir|lord|king|prince|father|brother|monsieur|herr|señor|signor|don"
			+ "|sheikh|alhaji|haji|hajji|haj|mallam|malam|pak|bapak|encik|ustad|ustaz|ato|mzee|spokesman|businessman"
			+ "|congressman|councilman|alderman|assemblyman|fisherman|policeman|sportsman|husband|son|grandfather"
			+ "|widower|uncle|nephew|boy|man|headmaster|monk|priest|grandson|stepfather|father-in-law|son-in-law";

	private static final String FEMALE_WORDS = "mrs|ms|miss|madam|madame|mme|dame|lady|queen|princess|sister|mother"
			+ "|frau|señora|sra|signora|doña|hajiya|hajia|alhaja|hajjah|mama|sheikha|ibu|puan|datin|daw|weyzero|woizero"
			+ "|ustazah|smt|chairwoman|spokeswoman|businesswoman|congresswoman|councilwoman|alderwoman|assemblywoman"
			+ "|fisherwoman|policewoman|sportswoman|wife|daughter|grandmother|widow|aunt|niece|girl|woman|actress"
			+ "|waitress|headmistress|alcaldesa|gobernadora|ministra|jueza|granddaughter|stepmother|mother-in-law"
			+ "|daughter-in-law|nun";

	/** A gendered word right before the name: {@code Ms}, {@code her husband, }. */
	private static final Pattern BEFORE_NAME = Pattern
		.compile("(?iu)(?<![\\p{L}-])(?:(?<he>" + MALE_WORDS + ")|(?<she>" + FEMALE_WORDS + "))\\.?,?\\s+$");

	/** A gendered word in an apposition after the name: {@code , 38, a fisherman}. */
	private static final Pattern AFTER_NAME = Pattern
		.compile("(?iu)^,\\s+(?:\\d+,\\s+)?(?:(?:a|an|the|his|her|their|its"
				+ "|[\\p{L}-]+[’']s)\\s+)?(?:[\\p{L}-]+\\s+){0,3}?(?:(?<he>" + MALE_WORDS + ")|(?<she>" + FEMALE_WORDS
				+ "))(?![\\p{L}-])");

	private static final Pattern PRONOUN = Pattern
		.compile("(?i)(?<![\\p{L}])(?:(?<he>he|his|himself)|(?<she>she|herself))(?![\\p{L}])");

	/**
	 * What comes right before a subject pronoun that stands for the person just named:
	 * {@code said she}, {@code , and he}; not {@code where she rode}, someone else. A
	 * {@code his} or a reflexive counts wherever it stands.
	 */
	private static final Pattern OWN_SUBJECT = Pattern
		.compile("(?:\\b(?:said|says|added|told \\p{L}+|that|and|but)|,)\\s+$");

	private static final Pattern OPENING_PRONOUN = Pattern.compile("^(?:He|She|His|Her)\\b");

	private static final Pattern SPEECH_VERB = Pattern
		.compile("\\b(?:said|says|told|tells|added|asked|stated|explained|noted|warned|argued|insisted|wrote|recalled"
				+ "|replied|declared|announced|admitted|urged|stressed|claimed|agreed|agrees|confirmed)\\b");

	private static final int SENTENCES_BACK = 6;

	private Gender() {
	}

	/**
	 * The person the pronoun before {@code offset} refers to; empty when the pronoun is
	 * not {@code he} or {@code she} or nobody fits.
	 */
	static Optional<Entity> referent(String text, int offset, List<Entity> entities, String pronoun) {
		return referent(text, offset, entities, of(pronoun), 0);
	}

	private static Optional<Entity> referent(String text, int offset, List<Entity> entities, int wanted, int depth) {
		if (wanted == 0 || depth > 3) {
			return Optional.empty();
		}
		int cursor = offset;
		for (int back = 0; back < SENTENCES_BACK; back++) {
			Mention last = null;
			for (Entity entity : entities) {
				if (entity.type() != EntityType.PERSON) {
					continue;
				}
				for (Mention mention : entity.mentions()) {
					if (mention.end() <= cursor && (last == null || mention.start() > last.start())) {
						last = mention;
					}
				}
			}
			if (last == null) {
				return Optional.empty();
			}
			int sentence = QuoteFinder.sentenceStart(text, last.start(),
					QuoteFinder.paragraphStart(text, last.start()));
			List<Named> named = named(text, sentence, cursor, entities);
			List<Named> fits = new ArrayList<>();
			boolean known = false;
			for (Named n : named) {
				int gender = gender(text, n.entity(), entities);
				if (gender != opposite(wanted)) {
					fits.add(n);
					known |= gender == wanted;
				}
			}
			Matcher opening = OPENING_PRONOUN.matcher(text.substring(sentence, cursor).stripLeading());
			if (!known && opening.find() && of(opening.group()) == wanted) {
				// She met Karaosmanoğlu …: the sentence's subject is who "she" was.
				Optional<Entity> carried = referent(text, sentence, entities, wanted, depth + 1);
				if (carried.isPresent()) {
					return carried;
				}
			}
			if (!fits.isEmpty()) {
				return Optional.of(choose(text, sentence, cursor, fits).entity());
			}
			cursor = sentence;
		}
		return Optional.empty();
	}

	/**
	 * Of several people who fit, the subject of the sentence's last speech verb, or else
	 * the last one named.
	 */
	private static Named choose(String text, int sentence, int cursor, List<Named> pool) {
		Matcher verb = SPEECH_VERB.matcher(text);
		verb.region(sentence, cursor);
		int lastVerb = -1;
		while (verb.find()) {
			lastVerb = verb.start();
		}
		if (lastVerb >= 0) {
			int at = lastVerb;
			Optional<Named> subject = pool.stream()
				.filter((n) -> n.mention().end() <= at)
				.max(Comparator.comparingInt((Named n) -> n.mention().start()));
			if (subject.isPresent()) {
				return subject.get();
			}
		}
		return pool.get(pool.size() - 1);
	}

	private record Named(Entity entity, Mention mention) {
	}

	/**
	 * The people named in a sentence before the cursor, in order, leaving out one named
	 * only as another's possessor ({@code Mensah’s lawyer}).
	 */
	private static List<Named> named(String text, int from, int to, List<Entity> entities) {
		List<Named> named = new ArrayList<>();
		for (Entity entity : entities) {
			if (entity.type() != EntityType.PERSON) {
				continue;
			}
			for (Mention mention : entity.mentions()) {
				if (mention.start() >= from && mention.end() <= to && !QuoteFinder.possessor(text, mention)) {
					named.add(new Named(entity, mention));
				}
			}
		}
		named.sort(Comparator.comparingInt((Named n) -> n.mention().start()));
		return named;
	}

	/**
	 * What the article says of a person's gender: {@link #HE}, {@link #SHE} or 0 when it
	 * does not say, or says both. An honorific or role word counts for three pronouns.
	 */
	static int gender(String text, Entity person, List<Entity> entities) {
		int he = 0;
		int she = 0;
		for (Mention mention : person.mentions()) {
			Matcher before = BEFORE_NAME.matcher(text.substring(Math.max(0, mention.start() - 40), mention.start()));
			if (before.find()) {
				he += (before.group("he") != null) ? 3 : 0;
				she += (before.group("she") != null) ? 3 : 0;
			}
			Matcher after = AFTER_NAME
				.matcher(text.substring(mention.end(), Math.min(text.length(), mention.end() + 60)));
			if (after.find()) {
				he += (after.group("he") != null) ? 3 : 0;
				she += (after.group("she") != null) ? 3 : 0;
			}
			int said = pronounAfter(text, person, mention, entities);
			he += (said == HE) ? 1 : 0;
			she += (said == SHE) ? 1 : 0;
		}
		return (he > she) ? HE : (she > he) ? SHE : (he == 0) ? GivenNames.genderOf(text, person) : 0;
	}

	/**
	 * The first pronoun outside quotation marks after a mention, in its sentence or the
	 * next, before anyone else is named: {@code Kovács, who commutes, said she works}.
	 */
	private static int pronounAfter(String text, Entity person, Mention mention, List<Entity> entities) {
		int paragraphEnd = text.indexOf("\n\n", mention.end());
		paragraphEnd = (paragraphEnd < 0) ? text.length() : paragraphEnd;
		int ownEnd = QuoteFinder.sentenceEnd(text, mention.end(), paragraphEnd);
		int end = QuoteFinder.sentenceEnd(text, Math.min(ownEnd + 1, paragraphEnd), paragraphEnd);
		int sentence = QuoteFinder.sentenceStart(text, mention.start(),
				QuoteFinder.paragraphStart(text, mention.start()));
		for (Entity other : entities) {
			if (other.type() != EntityType.PERSON || other == person) {
				continue;
			}
			for (Mention m : other.mentions()) {
				if (m.start() >= sentence && m.start() < mention.start()) {
					return 0;
				}
				if (m.start() >= mention.end() && m.start() < end) {
					end = m.start();
				}
			}
		}
		String span = text.substring(mention.end(), Math.max(mention.end(), Math.min(ownEnd, end)));
		Matcher pronoun = PRONOUN.matcher(span);
		while (pronoun.find()) {
			boolean subject = pronoun.group().length() == 2
					|| pronoun.group().length() == 3 && !pronoun.group().equalsIgnoreCase("his");
			if (!quoted(span, pronoun.start())
					&& (!subject || OWN_SUBJECT.matcher(span.substring(0, pronoun.start())).find())) {
				return (pronoun.group("he") != null) ? HE : SHE;
			}
		}
		if (end > ownEnd) {
			// the next sentence counts only where it opens with the pronoun
			Matcher opening = OPENING_PRONOUN.matcher(text.substring(ownEnd, end).stripLeading());
			if (opening.find()) {
				return of(opening.group());
			}
		}
		return 0;
	}

	/** Whether a position of a span is inside a quotation that opens in the span. */
	private static boolean quoted(String span, int at) {
		int open = span.lastIndexOf('“', at);
		int close = span.lastIndexOf('”', at);
		if (open > close) {
			return true;
		}
		if (close > open && span.indexOf('“') < 0) {
			// the span opens inside a quotation that closes here
			return true;
		}
		long straight = span.substring(0, at).chars().filter((c) -> c == '"').count();
		return straight % 2 == 1;
	}

	private static int of(String pronoun) {
		if (pronoun == null) {
			return 0;
		}
		return switch (pronoun.toLowerCase(Locale.ROOT)) {
			case "he", "his", "him" -> HE;
			case "she", "her" -> SHE;
			default -> 0;
		};
	}

	private static int opposite(int gender) {
		return (gender == HE) ? SHE : HE;
	}

}
