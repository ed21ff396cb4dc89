package io.pressline.enrich.nlp.ner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mends the boundaries and types of names, whichever recognizer found them, by the way
 * names are written in many cultures: a person's whole name is one mention (initials
 * {@code K. R. Arumugam}, hyphenated parts {@code Frimpong-Manso}, {@code Han Dong-wook},
 * particles {@code al-Musawi}, {@code Van den Broeck}, patronymics
 * {@code Khairul Anuar bin Mat Saman}, regnal numbers {@code Hamengku Buwono X}); titles
 * and honorifics stay outside it; {@code Keiko Kudo of Oga} is a person and a place; a
 * possessor before an organisation ({@code Egypt’s Ministry of Transport}) is a place of
 * its own; a name's generic word decides its type ({@link NameCues}).
 */
final class NameShapes {

	/**
	 * Initials or a short abbreviated name before a surname: {@code P. N. },
	 * {@code Ts. }.
	 */
	private static final Pattern INITIALS_BEFORE = Pattern.compile("(?:\\b\\p{Lu}\\p{Ll}?\\.\\s?){1,3}$");

	/** A particle before a surname, written apart or joined by a hyphen. */
	private static final Pattern PARTICLE_BEFORE = Pattern.compile(
			"(?<![\\p{L}])(?:(?:al|el|Al|El|an|ad|as|ash|at|az)-|(?:ibn|bin|binti|bint|ben|van der|van den|van de|van|Van der|Van den|Van de|Van|von der|von|de la|de los|de las|del|dela|de|De|du|da|dos|das|di|ap|ab|Ngo|Le|ter)(?:-| ))$");

	/** The first half of a hyphenated name: {@code Frimpong-}, {@code Jukka-}. */
	private static final Pattern JOINED_BEFORE = Pattern.compile("(?<![\\p{L}])\\p{Lu}[\\p{L}’']+-$");

	/** What may follow a name and still be part of it. */
	private static final Pattern TAIL = Pattern.compile("^(?:"
			// a hyphenated part, in either case: -Manso, -wook, -Sherbiny
			+ "-(?!(?:led|backed|owned|based|era|style|born|like|type|run|funded|linked|appointed|controlled|allied"
			+ "|aligned|inspired|made|made|era|wide|free|friendly|shaped|sized)\\b)[\\p{L}’']+"
			// a patronymic or a particle and what follows: bin Mat Saman, s/o Kannan
			+ "|\\s(?:bin|binti|bint|bte|bt|ibn|s/o|d/o|a/l|a/p|al-|el-|ap|van der|van den|van de|van|von|de la|de|da|dos|das|del|dela|di|du|ter)\\s?\\p{Lu}[\\p{L}’'-]*(?:\\s\\p{Lu}[\\p{L}’'-]*){0,2}"
			// a regnal or generation number: Hamengku Buwono X, Kwaku Agyeman Badu II
			+ "|\\s(?:II|III|IV|VI|VII|VIII|IX|X|Jr\\.?)(?![\\p{L}])"
			// a Korean given name after the family name: Jang Seo-yeon, Kim Min-jun
			+ "|\\s\\p{Lu}\\p{Ll}{1,5}-\\p{Ll}{2,6}(?![\\p{L}’'-])" + ")");

	/**
	 * The middle names of Vietnamese custom, after the family name: Do Thi Hong Nhung.
	 */
	private static final Pattern VIETNAMESE_MIDDLE = Pattern.compile("^(?:Thi|Thị|Văn|Duc|Đức|Ngoc|Ngọc) \\p{Lu}");

	/**
	 * The relation of {@code a/l}, {@code a/p}, {@code s/o}, {@code d/o}, cut at its
	 * slash.
	 */
	private static final Pattern SLASHED = Pattern.compile("[asd]/[lpo] \\p{Lu}");

	/** A capitalised word right before a name, and what stands before that word. */
	private static final Pattern GIVEN_BEFORE = Pattern
		.compile("(?:[.!?:;,”“(—–-]\\s+|\\n|\\s\\p{Ll}[\\p{L}’']*\\s+)(?<word>\\p{Lu}\\p{Ll}[\\p{L}’']*) $");

	/** The same word, opening the text. */
	private static final Pattern GIVEN_FIRST = Pattern.compile("^(?<word>\\p{Lu}\\p{Ll}[\\p{L}’']*) $");

	/**
	 * Common nouns news copy writes capitalised before a name at the start of a sentence
	 * ({@code Veteran Moses Kirunda}) that {@link Titles}, asked first, does not hold.
	 */
	private static final Set<String> ROLE_NOUNS = Set.of("Veteran", "Lawmaker", "Singer", "Rapper", "Actor", "Actress",
			"Author", "Chef", "Businessman", "Businesswoman", "Entrepreneur", "Billionaire", "Tycoon", "Teenager",
			"Resident", "Residents", "Officials", "Mother", "Grandmother", "Grandfather", "Widow", "Survivor",
			"Witness", "Neighbour", "Neighbor", "Owner", "Founder", "Investor", "Banker", "Broker", "Commentator",
			"Reporter", "Producer", "Designer", "Poet", "Writer", "Player", "Fan", "Supporter", "Student", "Pupil",
			"Graduate", "Candidate", "Leader", "Boss", "Headman", "Herder", "Miner", "Worker", "Labourer", "Porter",
			"Guard", "Soldier", "Priest", "Monk", "Nun", "Brother", "Aunt", "Cousin", "Son", "Daughter", "Husband",
			"Wife", "Dear", "Thanks", "Welcome", "Meet", "Ask", "Tell", "Say", "Let", "Hello", "Goodbye",
			"Congratulations", "Defendant", "Plaintiff", "Victim", "Suspect", "Accused", "Champion", "Legend", "Star",
			"Comedian", "Filmmaker", "Photographer", "Climber", "Runner", "Rider", "Cyclist", "Boxer", "Wrestler",
			"Swimmer", "Skipper", "Baker", "Butcher", "Tailor", "Weaver", "Potter", "Carpenter", "Fisher", "Fishermen");

	/**
	 * The given name a recognizer left off a person's name, most often at the start of a
	 * sentence ({@code Moses | Waiswa Kirunda, 34, cuts cane}) or after a verb
	 * ({@code said Ane | Miren Arrizabalaga}): a capitalised word right before a name of
	 * two or more words that is no title, function word, day, month, country, people or
	 * common noun, and follows no other capitalised word. A town may share a given name
	 * ({@code Añe}, {@code Florence}); a town right before a person's name, with nothing
	 * between, is rarer than the given name.
	 */
	private static int withGivenName(String text, int start, int end, Predicate<String> isCountryOrPeople) {
		if (start < 2 || text.charAt(start - 1) != ' ' || text.substring(start, end).indexOf(' ') < 0) {
			return start;
		}
		Matcher given = GIVEN_BEFORE.matcher(text).useTransparentBounds(true);
		given.region(Math.max(0, start - 40), start);
		if (!given.find()) {
			given = GIVEN_FIRST.matcher(text).region(0, start);
			if (!given.find()) {
				return start;
			}
		}
		String word = given.group("word");
		if (given.group().startsWith(" of ") || word.endsWith("’s") || word.endsWith("'s") || Titles.isOfficeWord(word)
				|| Titles.isTitle(word) || Titles.isTitle(word + ".") || NameRules.isStopword(word)
				|| NOT_FAMILY.contains(word) || ROLE_NOUNS.contains(word) || isCountryOrPeople.test(word)
				|| NameCues.typeOf(word).isPresent()) {
			return start;
		}
		return given.start("word");
	}

	/** Words that may stand before a name and are not a family name. */
	private static final Set<String> NOT_FAMILY = Set.of("In", "At", "On", "By", "To", "For", "Of", "And", "The",
			"From", "With", "As", "But", "Or", "If", "So", "When", "After", "Before", "Said", "Says", "Told", "Asked",
			"Like");

	/** A family name before a Vietnamese middle name. */
	private static final Pattern FAMILY_BEFORE = Pattern.compile("(?<![\\p{L}])\\p{Lu}\\p{L}{1,6} $");

	/** {@code Keiko Kudo of Oga}: a person followed by the place they are from. */
	private static final Pattern OF_PLACE = Pattern
		.compile("^(.+?\\p{L}) of (\\p{Lu}[\\p{L}’'-]*(?: \\p{Lu}[\\p{L}’'-]*)?)$");

	private static final Set<String> CONNECTORS = Set.of("and", "&");

	private NameShapes() {
	}

	/**
	 * The mentions with their boundaries and types mended.
	 * @param text the article text
	 * @param mentions the mentions, in any order
	 * @param isPlace whether a name is a known place, for a possessor
	 * ({@code Egypt’s Ministry of Transport}) but not a possessive inside a name
	 * ({@code Tay Do Children’s Hospital})
	 * @param isCountryOrPeople whether a word is a country or a people's, never a given
	 * name before a name
	 */
	static List<Mention> mend(String text, List<Mention> mentions, Predicate<String> isPlace,
			Predicate<String> isCountryOrPeople) {
		Set<String> storms = new java.util.HashSet<>();
		for (Mention mention : mentions) {
			Matcher storm = STORM.matcher(mention.text());
			if (storm.matches()) {
				storms.add(storm.group(1));
			}
		}
		List<Mention> result = new ArrayList<>();
		for (Mention mention : mentions) {
			if (mention.value() != null) {
				result.add(mention);
				continue;
			}
			if (storms.contains(mention.text()) || STORM.matcher(mention.text()).matches()
					|| (mention.type() != EntityType.ORGANIZATION
							&& mention.text().chars().noneMatch(Character::isUpperCase))) {
				// A named storm is no entity; a lowercase word is a name only as a brand.
				continue;
			}
			Mention named = withSaint(text, withoutStatus(withLowercasePrefix(text, withoutLeadingAdjective(mention))));
			if (named == null) {
				continue;
			}
			mention = initialled(text, named);
			result.addAll(split(retype(titledPerson(mention)), isPlace));
		}
		result.sort(Comparator.comparingInt(Mention::start));
		List<Mention> mended = new ArrayList<>();
		for (Mention mention : result) {
			Mention whole = (mention.type() == EntityType.PERSON)
					? wholePerson(text, mention, result, isCountryOrPeople) : mention;
			if (whole == null) {
				continue;
			}
			mended.removeIf((m) -> m.start() >= whole.start() && m.end() <= whole.end() && m.value() == null);
			if (mended.stream().noneMatch(whole::overlaps)) {
				mended.add(whole);
			}
		}
		return mended;
	}

	/**
	 * A word before a name that opens with a lowercase prefix and goes on capitalised, as
	 * Zulu and Xhosa names of places and bodies do ({@code eThekwini},
	 * {@code uMhlathuze}): the name's first word, which a recognizer left out.
	 */
	private static final Pattern LOWERCASE_PREFIXED = Pattern.compile("(?<![\\p{L}])\\p{Ll}{1,2}\\p{Lu}\\p{Ll}{2,} $");

	private static Mention withLowercasePrefix(String text, Mention mention) {
		if (mention.type() == EntityType.PERSON || mention.start() == 0) {
			return mention;
		}
		return extendedBack(text, mention, LOWERCASE_PREFIXED, 24);
	}

	/**
	 * The mention with what {@code before} matches right before it taken in, looking back
	 * at most {@code reach} characters; the mention itself when nothing matches.
	 */
	private static Mention extendedBack(String text, Mention mention, Pattern before, int reach) {
		Matcher prefix = before.matcher(text).useTransparentBounds(true);
		prefix.region(Math.max(0, mention.start() - reach), mention.start());
		if (!prefix.find()) {
			return mention;
		}
		int start = prefix.start();
		return new Mention(start, mention.end(), text.substring(start, mention.end()), mention.type(), mention.value());
	}

	/**
	 * A compound adjective written before a name, capitalised only because it opens the
	 * sentence or the headline: {@code Flood-wrecked}, {@code Long-awaited}.
	 */
	private static final Pattern COMPOUND_ADJECTIVE = Pattern.compile("\\p{Lu}\\p{Ll}+-\\p{Ll}{2,}");

	static boolean isCompoundAdjective(String word) {
		return COMPOUND_ADJECTIVE.matcher(word).matches() && NameCues.typeOf(word).isEmpty();
	}

	/**
	 * Prepositions that open a sentence before a name and are capitalised only for that:
	 * {@code At Kisongo Secondary School}.
	 */
	private static final Set<String> OPENING_PREPOSITIONS = Set.of("At", "In", "On", "From", "Inside", "Outside",
			"Near", "Across");

	/**
	 * A compound adjective or a sentence's opening preposition in front of an
	 * organisation or place is not part of it.
	 */
	private static Mention withoutLeadingAdjective(Mention mention) {
		int space = mention.text().indexOf(' ');
		if (mention.type() != EntityType.PERSON && space > 0
				&& OPENING_PREPOSITIONS.contains(mention.text().substring(0, space))
				&& mention.text().indexOf(' ', space + 1) > 0) {
			return new Mention(mention.start() + space + 1, mention.end(), mention.text().substring(space + 1),
					mention.type());
		}
		if (mention.type() == EntityType.PERSON || space < 0
				|| !isCompoundAdjective(mention.text().substring(0, space))) {
			return mention;
		}
		return new Mention(mention.start() + space + 1, mention.end(), mention.text().substring(space + 1),
				mention.type());
	}

	/** An abbreviated saint or mount before a place's name: {@code St. Elizabeth}. */
	private static final Pattern SAINT_BEFORE = Pattern.compile("(?<![\\p{L}])(?:St|Ste|Mt|Ft)\\. $");

	/**
	 * A place or a body whose name opens with an abbreviated {@code St.} that a
	 * recognizer left out (it took the full stop for a sentence's end) takes it in; a
	 * mention of the abbreviation alone is none.
	 */
	private static Mention withSaint(String text, Mention mention) {
		if (mention == null || mention.type() == EntityType.PERSON || mention.value() != null) {
			return mention;
		}
		if (PLACE_ABBREVIATIONS.contains(mention.text())) {
			return null;
		}
		return extendedBack(text, mention, SAINT_BEFORE, 4);
	}

	/**
	 * A status written after a body's name is not part of it: {@code UNESCO} in
	 * {@code a UNESCO World Heritage site}.
	 */
	private static Mention withoutStatus(Mention mention) {
		if (mention.type() != EntityType.ORGANIZATION || !mention.text().endsWith("World Heritage")
				|| mention.value() != null) {
			return mention;
		}
		if (mention.text().equals("World Heritage")) {
			return null;
		}
		String name = mention.text().substring(0, mention.text().length() - " World Heritage".length());
		return new Mention(mention.start(), mention.start() + name.length(), name, mention.type());
	}

	/** A named storm: {@code Typhoon Josie}, {@code Cyclone Idai}. */
	private static final Pattern STORM = Pattern
		.compile("(?:Typhoon|Cyclone|Hurricane|Storm|Tropical Storm|Super Typhoon|Tropical Cyclone) (\\p{Lu}\\p{L}+)");

	/** Initials that are an abbreviation of a place word rather than of a name. */
	private static final Set<String> PLACE_ABBREVIATIONS = Set.of("St.", "Mt.", "Ft.", "Pt.", "Av.", "No.");

	/**
	 * A one-word name right after initials is a person's: {@code Ts. Gantulga},
	 * {@code K. R. Arumugam}.
	 */
	private static Mention initialled(String text, Mention mention) {
		if (mention.type() == EntityType.PERSON || mention.text().contains(" ")
				|| NameCues.typeOf(mention.text()).isPresent()) {
			return mention;
		}
		Matcher initials = INITIALS_BEFORE.matcher(text.substring(Math.max(0, mention.start() - 12), mention.start()));
		if (initials.find() && !Titles.isTitle(initials.group().strip())
				&& !PLACE_ABBREVIATIONS.contains(initials.group().strip())) {
			return new Mention(mention.start(), mention.end(), mention.text(), EntityType.PERSON);
		}
		return mention;
	}

	/** A name's generic word decides its type over what a recognizer guessed. */
	private static Mention retype(Mention mention) {
		Optional<EntityType> cue = NameCues.typeOf(mention.text());
		if (cue.isPresent() && cue.get() != mention.type()) {
			return new Mention(mention.start(), mention.end(), mention.text(), cue.get());
		}
		return mention;
	}

	/**
	 * A possessor in front of an organisation is a place of its own; two cued names
	 * joined by {@code and} are two names; a person {@code of} a place is the person and
	 * the place.
	 */
	/**
	 * Whether the {@code and} at {@code at} joins the last items of a body's remit
	 * ({@code Ministry of Tourism, Ecology, Sustainable Development and Northern Region
	 * Development}), not two bodies: the words before it hold {@code of}, {@code for} or
	 * {@code on}, and the words after it do not open a name of their own.
	 */
	private static boolean listsARemit(String[] words, int at) {
		boolean remit = false;
		for (int i = 1; i < at; i++) {
			remit |= NameCues.linksAHead(words[i]);
		}
		return remit && !NameCues.opensAName(words[at + 1]) && !words[at + 1].equals("The");
	}

	private static List<Mention> split(Mention mention, Predicate<String> isPlace) {
		String name = mention.text();
		if (mention.type() == EntityType.ORGANIZATION || mention.type() == EntityType.LOCATION) {
			int possessive = Math.max(name.indexOf("’s "), name.indexOf("'s "));
			if (possessive > 1 && Character.isUpperCase(name.charAt(possessive + 3))
					&& isPlace.test(name.substring(0, possessive))) {
				int restStart = mention.start() + possessive + 3;
				Mention owner = new Mention(mention.start(), mention.start() + possessive,
						name.substring(0, possessive), EntityType.LOCATION);
				return List.of(owner,
						retype(new Mention(restStart, mention.end(), name.substring(possessive + 3), mention.type())));
			}
			String[] words = name.split(" ");
			for (int i = 1; i < words.length - 1; i++) {
				if (CONNECTORS.contains(words[i]) && NameCues.endsAName(words[i - 1])
						&& NameCues.endsAName(words[words.length - 1]) && !listsARemit(words, i)) {
					int cut = name.indexOf(" " + words[i] + " ");
					Mention left = new Mention(mention.start(), mention.start() + cut, name.substring(0, cut),
							mention.type());
					int rightStart = cut + words[i].length() + 2;
					Mention right = new Mention(mention.start() + rightStart, mention.end(), name.substring(rightStart),
							mention.type());
					return List.of(retype(left), retype(right));
				}
			}
		}
		if (mention.type() == EntityType.ORGANIZATION || mention.type() == EntityType.LOCATION) {
			List<Mention> parts = splitAtLinkWord(mention, isPlace);
			if (parts != null) {
				return parts;
			}
		}
		if (mention.type() == EntityType.PERSON) {
			Matcher of = OF_PLACE.matcher(name);
			if (of.matches() && of.group(1).contains(" ")) {
				int placeStart = mention.start() + of.start(2);
				return List.of(
						new Mention(mention.start(), mention.start() + of.end(1), of.group(1), EntityType.PERSON),
						new Mention(placeStart, mention.end(), of.group(2), EntityType.LOCATION));
			}
		}
		return List.of(mention);
	}

	/** {@code A of B}, {@code A at B}, {@code A on B}, {@code A and B} in one mention. */
	private static final Pattern LINKED = Pattern.compile("^(\\p{Lu}.*?) (of|at|on|and) (\\p{Lu}.*)$");

	/**
	 * Two names a recognizer read as one: a person and the organisation they speak for
	 * ({@code Kofi Adomako-Mensah of Adomako and Sons}), a building and the street it
	 * stands on ({@code Riverside Clinic on Rua das Flores}), an institution and the
	 * place it is at, two people or two places joined by {@code and}. A name whose first
	 * part is a generic word ({@code Bank of Ghana}) or ends in one
	 * ({@code National Commission on Human Rights}) is left whole.
	 */
	private static List<Mention> splitAtLinkWord(Mention mention, Predicate<String> isPlace) {
		Matcher linked = LINKED.matcher(mention.text());
		if (!linked.matches()) {
			return null;
		}
		String left = linked.group(1);
		String word = linked.group(2);
		String right = linked.group(3);
		int rightStart = mention.start() + linked.start(3);
		Mention leftPart = new Mention(mention.start(), mention.start() + left.length(), left, mention.type());
		Optional<EntityType> rightCue = NameCues.typeOf(right);
		boolean personShaped = personShaped(left);
		if (word.equals("of")) {
			if (personShaped && left.contains(" ") && !isPlace.test(left)
					&& rightCue.orElse(null) == EntityType.ORGANIZATION) {
				return List.of(new Mention(leftPart.start(), leftPart.end(), left, EntityType.PERSON),
						new Mention(rightStart, mention.end(), right, EntityType.ORGANIZATION));
			}
			return null;
		}
		if (word.equals("at") || (word.equals("on") && rightCue.orElse(null) == EntityType.LOCATION)) {
			boolean street = word.equals("on") && left.contains(" ");
			if (street || left.contains(" ") && NameCues.typeOf(left).isPresent()
					|| word.equals("at") && isPlace.test(right)) {
				return List.of(retype(leftPart),
						new Mention(rightStart, mention.end(), right, rightCue.orElse(EntityType.LOCATION)));
			}
			return null;
		}
		if (word.equals("and") && mention.type() == EntityType.ORGANIZATION && !right.contains(" and ")) {
			boolean places = isPlace.test(left) && isPlace.test(right);
			boolean people = personShaped && personShaped(right) && left.contains(" ") && right.contains(" ");
			if (places || people) {
				EntityType type = places ? EntityType.LOCATION : EntityType.PERSON;
				return List.of(new Mention(leftPart.start(), leftPart.end(), left, type),
						new Mention(rightStart, mention.end(), right, type));
			}
		}
		return null;
	}

	/**
	 * Words that could be a person's name: capitalised, none of them a generic word of
	 * names or a title, no word in lower case.
	 */
	private static boolean personShaped(String name) {
		String[] words = name.split(" ");
		if (words.length > 5 || NameCues.typeOf(name).isPresent()) {
			return false;
		}
		for (String word : words) {
			if (word.isEmpty() || !Character.isUpperCase(word.charAt(0)) || NameCues.isGenericWord(word)
					|| Titles.isTitle(word)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * An organisation or place the model found that starts with a person's title and has
	 * no generic word of its own is a person: {@code Justice Mwanaisha Said Karama}.
	 */
	private static Mention titledPerson(Mention mention) {
		if (mention.type() == EntityType.PERSON || NameCues.typeOf(mention.text()).isPresent()) {
			return mention;
		}
		List<String> words = List.of(mention.text().split(" "));
		int titles = Titles.leadingTitles(words);
		if (words.size() > 1 && titles > 0 && Character.isUpperCase(words.get(1).charAt(0))
				&& !NameCues.isGenericWord(words.get(titles))) {
			// State Secretary Ana Lima is a person, the State Secretariat for Fisheries a
			// body
			return new Mention(mention.start(), mention.end(), mention.text(), EntityType.PERSON);
		}
		return mention;
	}

	/**
	 * The whole of a person's name around a mention of part of it, without titles; or
	 * {@code null} when all of it is a title.
	 */
	private static Mention wholePerson(String text, Mention mention, List<Mention> all,
			Predicate<String> isCountryOrPeople) {
		int start = mention.start();
		int end = mention.end();
		String before = text.substring(Math.max(0, start - 24), start);
		Matcher particle = PARTICLE_BEFORE.matcher(before);
		if (particle.find()) {
			start -= particle.group().length();
			before = text.substring(Math.max(0, start - 24), start);
		}
		Matcher joined = JOINED_BEFORE.matcher(before);
		if (joined.find()) {
			start -= joined.group().length();
			before = text.substring(Math.max(0, start - 24), start);
		}
		Matcher initials = INITIALS_BEFORE.matcher(before);
		if (initials.find() && !Titles.isTitle(initials.group().strip())) {
			start -= initials.group().length();
			before = text.substring(Math.max(0, start - 24), start);
		}
		Matcher family = FAMILY_BEFORE.matcher(before);
		if (VIETNAMESE_MIDDLE.matcher(text.substring(start, end)).find() && family.find()
				&& !Titles.isTitle(family.group().strip()) && !NOT_FAMILY.contains(family.group().strip())) {
			start -= family.group().length();
		}
		if (end > start && text.charAt(end - 1) == '-') {
			// A name the model cut after its hyphen: Lin Wei- | ting.
			while (end < text.length() && Character.isLetter(text.charAt(end))) {
				end++;
			}
		}
		if (end - start > 2 && text.charAt(end - 2) == ' '
				&& SLASHED.matcher(text).region(end - 1, Math.min(text.length(), end + 4)).lookingAt()) {
			// The model stopped at the slash of a Malaysian Indian name: Muniandy a | /l
			// Krishnan.
			end -= 2;
		}
		for (int guard = 0; guard < 4; guard++) {
			Matcher tail = TAIL.matcher(text.substring(end, Math.min(text.length(), end + 60)));
			if (!tail.find()) {
				break;
			}
			end += tail.group().length();
		}
		start = withGivenName(text, start, end, isCountryOrPeople);
		for (Mention other : all) {
			// The other half of a name the model broke at its hyphen: Siân Prys | Morgan.
			if (other.value() == null && other.end() < start && other.end() == mention.start() - 1
					&& text.charAt(other.end()) == '-' && !other.text().contains("-")) {
				start = other.start();
			}
		}
		int finalStart = start;
		int finalEnd = end;
		boolean cutsAnotherName = all.stream()
			.anyMatch((m) -> m != mention && m.start() < finalEnd && m.end() > finalStart
					&& (m.start() < finalStart || m.end() > finalEnd));
		if (cutsAnotherName) {
			start = mention.start();
			end = mention.end();
		}
		String name = text.substring(start, end);
		List<String> words = List.of(name.split(" "));
		int titles = Titles.leadingTitles(words);
		if (titles == 0 && Titles.isTitle(name)) {
			return null;
		}
		int cut = 0;
		for (int i = 0; i < titles; i++) {
			cut += words.get(i).length() + 1;
		}
		start += cut;
		name = text.substring(start, end);
		int last = name.lastIndexOf(' ');
		if (last > 0 && name.indexOf(' ') < last && Titles.isTrailingHonorific(name.substring(last + 1))) {
			end = start + last;
			name = text.substring(start, end);
		}
		if (start == mention.start() && end == mention.end()) {
			return mention;
		}
		return new Mention(start, end, name, EntityType.PERSON);
	}

}
