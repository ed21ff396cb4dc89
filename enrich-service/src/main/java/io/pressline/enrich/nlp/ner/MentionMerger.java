package io.pressline.enrich.nlp.ner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pressline.enrich.kb.KnowledgeBase;

/**
 * Combines the statistical model's mentions with the gazetteer's and the rules': rules
 * (datelines, money, dates) first, then a name the knowledge base knows where the model
 * agrees or the name is unambiguous, then the model's other mentions. Titles are cut from
 * the front of person names, nationality words are dropped, and one name gets one type
 * throughout the article.
 */
public final class MentionMerger {

	private final KnowledgeBase kb;

	public MentionMerger(KnowledgeBase kb) {
		this.kb = kb;
	}

	public List<Mention> merge(List<Mention> model, List<GazetteerRecognizer.Match> gazetteer, List<Mention> rules) {
		List<Mention> accepted = new ArrayList<>();
		for (Mention rule : rules) {
			addIfFree(accepted, rule);
		}
		Set<Mention> consumed = new HashSet<>();
		Set<String> decidedByKnowledge = new HashSet<>();
		for (GazetteerRecognizer.Match match : gazetteer) {
			Mention known = match.mention();
			if (overlapsAny(accepted, known)) {
				continue;
			}
			Mention modelled = model.stream()
				.filter((m) -> m.overlaps(known))
				.max(Comparator.comparingInt(Mention::length))
				.orElse(null);
			Mention chosen = choose(match, modelled);
			if (modelled != null) {
				consumed.add(modelled);
			}
			if (chosen != null && addIfFree(accepted, chosen) && chosen == known && match.strong()) {
				decidedByKnowledge.add(known.text());
			}
		}
		Set<String> surnames = new HashSet<>();
		for (Mention mention : model) {
			int space = mention.text().lastIndexOf(' ');
			if (mention.type() == EntityType.PERSON && space > 0) {
				surnames.add(mention.text().substring(space + 1));
			}
		}
		for (Mention mention : model) {
			boolean title = (Titles.isTitle(mention.text()) || Titles.isTitle(mention.text() + "."))
					&& !surnames.contains(mention.text());
			if (consumed.contains(mention) || this.kb.isDemonym(mention.text()) || title) {
				// A title alone is no one, unless it is the last word of a person's name
				// in
				// the article (Haji for Mwanaisha Juma Haji).
				continue;
			}
			addIfFree(accepted, mention);
		}
		// Titles come off every person's name, whichever source found it.
		accepted.replaceAll((m) -> (m.type() == EntityType.PERSON) ? withoutTitles(m) : m);
		accepted.removeIf(java.util.Objects::isNull);
		accepted.sort(Comparator.comparingInt(Mention::start));
		return oneTypePerName(accepted, decidedByKnowledge);
	}

	/**
	 * Fixes that need the whole article: a word alone that is the surname of a person
	 * named in full is that person, not a town of the same name; a word alone that begins
	 * an organisation's name is that organisation ({@code Wagner}, {@code Wagner Group});
	 * an acronym in brackets after an organisation is that organisation wherever it
	 * appears; a place word that is half of a nationality ({@code South} in
	 * {@code South Korean}) is no place.
	 */
	public List<Mention> resolveInContext(String text, List<Mention> found) {
		List<Mention> mentions = peopleByShortForm(
				NameShapes.mend(text, found, this::isPlace, this::isCountryOrPeople));
		java.util.Map<String, EntityType> wordTypes = new HashMap<>();
		for (Mention mention : mentions) {
			String[] words = EntityResolver.bare(mention.text()).split(" ");
			if (words.length > 1 && mention.type() == EntityType.PERSON) {
				// Any part of a person's full name, alone or with its neighbours, is that
				// person: Ngo Bissou, Almaz, Agyeman Badu.
				for (int from = 0; from < words.length; from++) {
					for (int to = from + 1; to <= words.length && to - from < words.length; to++) {
						wordTypes.put(String.join(" ", java.util.Arrays.asList(words).subList(from, to)),
								EntityType.PERSON);
					}
				}
				for (String word : words) {
					for (String part : word.split("-")) {
						if (part.length() > 2 && Character.isUpperCase(part.charAt(0))) {
							wordTypes.putIfAbsent(part, EntityType.PERSON);
						}
					}
				}
			}
		}
		placesByUse(text, mentions, wordTypes);
		for (Mention mention : mentions) {
			String[] words = EntityResolver.bare(mention.text()).split(" ");
			if (words.length > 1 && mention.type() == EntityType.ORGANIZATION && words[0].length() > 3
					&& !this.kb.knows(words[0]) && wordTypes.get(words[0]) != EntityType.LOCATION
					&& !usedAsPlace(text, words[0])) {
				wordTypes.putIfAbsent(words[0], EntityType.ORGANIZATION);
			}
			// Where the generic word comes first (Salmones Caiquén, Banco Itaú), the last
			// word alone is the organisation.
			String last = words[words.length - 1];
			if (words.length > 1 && mention.type() == EntityType.ORGANIZATION && NameCues.opensAName(words[0])
					&& last.length() > 3 && Character.isUpperCase(last.charAt(0)) && !NameCues.isGenericWord(last)
					&& !this.kb.knows(last) && wordTypes.get(last) != EntityType.LOCATION && !usedAsPlace(text, last)) {
				wordTypes.putIfAbsent(last, EntityType.ORGANIZATION);
			}
		}
		List<Mention> result = new ArrayList<>();
		for (Mention mention : mentions) {
			String bare = EntityResolver.bare(mention.text());
			EntityType type = isName(mention) && NameCues.typeOf(bare).isEmpty() ? wordTypes.get(bare) : null;
			if (mention.type() == EntityType.LOCATION
					&& this.kb.isDemonym(mention.text() + " " + nextWord(text, mention.end()))) {
				continue;
			}
			result.add((type != null && type != mention.type())
					? new Mention(mention.start(), mention.end(), mention.text(), type, mention.value()) : mention);
		}
		result = NameShapes.mend(text, result, this::isPlace, this::isCountryOrPeople);
		result = withoutLonePeople(text, result);
		result = withoutCraft(text, result);
		result = acronyms(text, result);
		result = regionsByKind(result);
		result = legalForms(text, result);
		result.sort(Comparator.comparingInt(Mention::start));
		return result;
	}

	/**
	 * The abbreviations and words of a company's legal form, in many languages: after a
	 * name they make it a company's, and they belong to it.
	 */
	private static final Set<String> LEGAL_FORMS = Set.of("Ltd", "Ltd.", "Limited", "Inc", "Inc.", "Corp.", "plc",
			"PLC", "GmbH", "AG", "SA", "S.A.", "S.L.", "SL", "S.L.U.", "SpA", "S.p.A.", "NV", "N.V.", "BV", "B.V.",
			"ASA", "AS", "A/S", "AB", "Oy", "Oyj", "LLC", "LLP", "Ltda", "Ltda.", "Lda", "Lda.", "SAS", "SARL", "Srl",
			"S.r.l.", "s.r.l.", "srl", "Tbk", "Tbk.", "Bhd", "Berhad", "Pvt", "Pte", "JSC", "PJSC", "KK", "K.K.", "ApS",
			"Kft.", "Zrt.", "d.o.o.", "d.d.", "a.d.", "AD", "EAD", "OOD", "EOOD", "A.Ş.", "AŞ", "SAL", "S.A.L.", "SAE",
			"S.A.E.", "WLL", "W.L.L.", "FZE", "s.r.o.", "a.s.", "Nyrt.", "SAOG", "PSC", "Pty", "UAB", "OÜ", "SIA",
			"S.A.C.", "SAC", "S.A.S.", "Sdn", "ohf.", "hf.", "ehf.", "Limitada");

	/**
	 * A name followed by a company's legal form ({@code Dunav Gradnja d.o.o.},
	 * {@code Xingu Navegação Ltda.}) takes it in and is an organisation, whatever a
	 * recognizer took it for; so is a name that ends in one ({@code Rozova Dolina AD}).
	 */
	private static List<Mention> legalForms(String text, List<Mention> mentions) {
		List<Mention> result = new ArrayList<>();
		Set<Mention> absorbed = new HashSet<>();
		for (Mention mention : mentions) {
			if (absorbed.contains(mention)) {
				continue;
			}
			if (mention.type() != EntityType.PERSON && mention.type() != EntityType.ORGANIZATION
					&& mention.type() != EntityType.LOCATION) {
				result.add(mention);
				continue;
			}
			int end = mention.end();
			String[] words = mention.text().split("\\s+");
			String lastWord = words[words.length - 1];
			boolean legal = words.length > 1
					&& (LEGAL_FORMS.contains(lastWord) || LEGAL_FORMS.contains(lastWord + "."));
			if (legal && end < text.length() && text.charAt(end) == '.' && LEGAL_FORMS.contains(lastWord + ".")) {
				// Ltda. and S.L. keep their full stop
				end++;
			}
			else if (!legal) {
				Matcher next = NEXT_WORD.matcher(text.substring(end, Math.min(text.length(), end + 16)));
				if (next.find() && (next.group(1) == null || WRITTEN_AFTER_A_COMMA.contains(next.group(2))
						|| next.group(2).indexOf('.') > 0)) {
					String form = next.group(2);
					String withStop = (next.end() < 16 && end + next.end() < text.length()
							&& text.charAt(end + next.end()) == '.') ? form + "." : form;
					if (LEGAL_FORMS.contains(withStop) && !withStop.equals(form)) {
						legal = true;
						end = end + next.end() + 1;
					}
					else if (LEGAL_FORMS.contains(form)) {
						legal = true;
						end = end + next.end();
					}
				}
			}
			int longForm = longLegalForm(text, mention);
			if (longForm > end) {
				// sp. z o.o., S.A. de C.V., Pvt. Ltd., Co.
				legal = true;
				end = longForm;
			}
			int newEnd = end;
			// A recognizer's mention of the form itself (Lda as a place) goes into the
			// name.
			boolean free = mentions.stream()
				.noneMatch((m) -> m != mention && m.start() >= mention.end() && m.start() < newEnd && m.end() > newEnd);
			if (legal && free) {
				mentions.stream()
					.filter((m) -> m != mention && m.start() >= mention.end() && m.end() <= newEnd)
					.forEach(absorbed::add);
				result.removeIf(absorbed::contains);
				result.add(new Mention(mention.start(), newEnd, text.substring(mention.start(), newEnd),
						EntityType.ORGANIZATION, mention.value()));
			}
			else {
				result.add(mention);
			}
		}
		return stemsAsCompanies(result);
	}

	/**
	 * The name of a company written once with its legal form and elsewhere without it
	 * ({@code Desna Bud LLC} … {@code Desna Bud said}) is that company everywhere,
	 * whatever a recognizer took the short form for.
	 */
	private static List<Mention> stemsAsCompanies(List<Mention> mentions) {
		Set<String> stems = new HashSet<>();
		for (Mention mention : mentions) {
			if (mention.type() == EntityType.ORGANIZATION) {
				String stem = withoutLegalForm(mention.text());
				if (stem.length() < mention.text().length() && stem.indexOf(' ') > 0) {
					stems.add(stem);
				}
			}
		}
		if (stems.isEmpty()) {
			return mentions;
		}
		List<Mention> result = new ArrayList<>(mentions.size());
		for (Mention mention : mentions) {
			result.add((mention.type() != EntityType.ORGANIZATION && mention.value() == null
					&& stems.contains(mention.text()))
							? new Mention(mention.start(), mention.end(), mention.text(), EntityType.ORGANIZATION)
							: mention);
		}
		return result;
	}

	/**
	 * A company's name without its legal form: {@code Desna Bud} for
	 * {@code Desna Bud LLC}.
	 */
	private static String withoutLegalForm(String name) {
		Matcher tail = LONG_LEGAL_FORM.matcher(name);
		while (tail.find()) {
			if (tail.end() == name.length()) {
				return name.substring(0, tail.start());
			}
		}
		int space = name.lastIndexOf(' ');
		if (space > 0 && (LEGAL_FORMS.contains(name.substring(space + 1)))) {
			String stem = name.substring(0, space);
			return stem.endsWith(",") ? stem.substring(0, stem.length() - 1) : stem;
		}
		return name;
	}

	/**
	 * Legal forms of more than one word, or with a full stop a recognizer cuts at, after
	 * a name: {@code sp. z o.o.}, {@code S.A. de C.V.}, {@code Pvt. Ltd.},
	 * {@code Sdn Bhd}, {@code Co.}.
	 */
	private static final Pattern LONG_LEGAL_FORM = Pattern
		.compile(",? (?:sp\\. z o\\.o\\.|S\\.A\\. de C\\.V\\.|S\\.A\\.B\\. de C\\.V\\."
				+ "|S\\. de R\\.L\\.(?: de C\\.V\\.)?|(?:Pvt|Pte|Pty|Private)\\.? (?:Ltd\\.|Ltd|Limited)|Sdn\\.? Bhd\\.?|Co\\.,? Ltd\\.?"
				+ "|Co\\.(?!\\w)|Corp\\.(?!\\w)|S\\.A\\.(?!\\w)|Ltd\\.(?!\\w)|GmbH & Co\\. KG|S\\.p\\.A\\.|S\\.r\\.l\\.)");

	/**
	 * Where a legal form of {@link #LONG_LEGAL_FORM} after the mention ends, read from
	 * its end or from the space before its last word (the model may have taken the form's
	 * first part, {@code Dunajec Mleko sp}); the mention's end when there is none.
	 */
	private static int longLegalForm(String text, Mention mention) {
		int best = mention.end();
		int lastSpace = mention.text().lastIndexOf(' ');
		int[] froms = (lastSpace > 0) ? new int[] { mention.end(), mention.start() + lastSpace }
				: new int[] { mention.end() };
		for (int from : froms) {
			Matcher form = LONG_LEGAL_FORM.matcher(text).region(from, Math.min(text.length(), from + 24));
			if (form.lookingAt() && form.end() > best) {
				best = form.end();
			}
		}
		return best;
	}

	/**
	 * The next word after a name, in the same sentence, or after a comma:
	 * {@code  d.o.o.}, {@code , S.A.}.
	 */
	private static final Pattern NEXT_WORD = Pattern.compile("^(,)? ([\\p{L}][\\p{L}./]*[\\p{L}])");

	/**
	 * Legal forms written after a comma without full stops ({@code Acme, Inc} has one): a
	 * two-letter word after a comma is more often the start of something else.
	 */
	private static final Set<String> WRITTEN_AFTER_A_COMMA = Set.of("Ltd", "Limited", "Inc", "LLC", "LLP", "Ltda",
			"Lda", "GmbH", "Bhd", "Berhad", "Tbk", "plc", "PLC", "ohf", "hf", "ehf", "SpA", "Srl", "SARL", "SAS",
			"Limitada");

	/**
	 * A name of two to four capitalised words, with no generic word and unknown to the
	 * knowledge base, whose last word the article uses alone for a person, is that
	 * person's full name whatever a recognizer took it for: {@code Raka Aditya Wiranata}
	 * ... {@code Wiranata said}.
	 */
	private List<Mention> peopleByShortForm(List<Mention> mentions) {
		Set<String> surnames = new HashSet<>();
		List<String> shortForms = new ArrayList<>();
		for (Mention mention : mentions) {
			String bare = EntityResolver.bare(mention.text());
			if (mention.type() == EntityType.PERSON && !bare.contains(" ") && bare.length() > 2) {
				surnames.add(bare);
			}
			if (mention.type() == EntityType.PERSON && bare.length() > 3 && bare.split(" ").length <= 3
					&& (bare.contains(" ") || bare.contains("-"))) {
				shortForms.add(bare);
			}
		}
		if (surnames.isEmpty() && shortForms.isEmpty()) {
			return mentions;
		}
		List<Mention> result = new ArrayList<>(mentions.size());
		for (Mention mention : mentions) {
			String bare = EntityResolver.bare(mention.text());
			String[] words = bare.split(" ");
			boolean person = (mention.type() == EntityType.ORGANIZATION || mention.type() == EntityType.LOCATION)
					&& mention.value() == null && words.length >= 2 && words.length <= 4
					&& surnames.contains(words[words.length - 1])
					&& java.util.Arrays.stream(words).allMatch((w) -> Character.isUpperCase(w.charAt(0)))
					&& NameCues.typeOf(bare).isEmpty() && !this.kb.knows(bare) && !isPlace(bare);
			person = person || ((mention.type() == EntityType.ORGANIZATION || mention.type() == EntityType.LOCATION)
					&& mention.value() == null && words.length >= 3 && words.length <= 7
					&& containsShortForm(bare, shortForms) && particleName(words) && NameCues.typeOf(bare).isEmpty()
					&& !this.kb.knows(bare) && !isPlace(bare));
			result
				.add(person ? new Mention(mention.start(), mention.end(), mention.text(), EntityType.PERSON) : mention);
		}
		return result;
	}

	/** Small words inside people's names: {@code de la}, {@code da}, {@code bin}. */
	private static final Set<String> NAME_PARTICLES = Set.of("de", "la", "del", "da", "das", "do", "dos", "di", "du",
			"van", "von", "der", "den", "bin", "binti", "bint", "ibn", "y", "e", "le");

	/**
	 * Words that may all be a person's: capitalised or a particle, starting capitalised,
	 * none of them a generic word of names.
	 */
	private static boolean particleName(String[] words) {
		if (!Character.isUpperCase(words[0].charAt(0))) {
			return false;
		}
		for (String word : words) {
			boolean name = Character.isUpperCase(word.charAt(0)) && !NameCues.isGenericWord(word)
					&& !Titles.isTitle(word);
			if (!name && !NAME_PARTICLES.contains(word) && !word.startsWith("el-") && !word.startsWith("al-")) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether a name holds, as whole words but not as all of it, a short form the article
	 * uses for a person: {@code Ana Beatriz de la Peña Solís} holds {@code de la Peña}.
	 */
	private static boolean containsShortForm(String name, List<String> shortForms) {
		String padded = " " + name.toLowerCase(java.util.Locale.ROOT) + " ";
		for (String form : shortForms) {
			String lower = form.toLowerCase(java.util.Locale.ROOT);
			if (!lower.equals(name.toLowerCase(java.util.Locale.ROOT)) && padded.contains(" " + lower + " ")) {
				return true;
			}
		}
		return false;
	}

	/** What says a one-word name is a person's: a speech verb or an age after it. */
	private static final Pattern PERSON_AFTER = Pattern.compile(
			"^(?:’s|'s)?(?:,? (?:who|whose)\\b|, \\d{1,3},| (?:said|says|told|added|asked|recalled|explained|wrote|agreed|admitted|argued|insisted|warned|replied|laughed|smiled|shrugged|nodded|described|put it)\\b)");

	/** A speech verb before the name: {@code said Kovács}. */
	private static final Pattern PERSON_BEFORE = Pattern.compile("\\b(?:said|says|told|asked|added|according to)\\s$");

	/**
	 * A capitalised plural noun for a group of people: {@code Analysts},
	 * {@code Detectives}, {@code Economists}, {@code Residents}.
	 */
	private static final Pattern PLURAL_OF_PEOPLE = Pattern
		.compile("\\p{Lu}\\p{Ll}{3,}(?:ists|ysts|tors|sors|ives|ians|ents|ants)");

	/**
	 * News copy introduces a person by their full name; a one-word "person" the article
	 * never names in full, never gives a title, and never has speak or an age is more
	 * likely a place or a company the model misread, and is left out.
	 */
	private static List<Mention> withoutLonePeople(String text, List<Mention> mentions) {
		Map<String, Boolean> evidence = new HashMap<>();
		Set<String> fullNameParts = new HashSet<>();
		for (Mention mention : mentions) {
			if (mention.type() == EntityType.PERSON && mention.text().contains(" ")) {
				for (String word : EntityResolver.bare(mention.text()).split("[ -]")) {
					fullNameParts.add(word.toLowerCase(java.util.Locale.ROOT));
				}
				// A hyphenated surname alone is the person too: Owusu-Darko.
				for (String word : EntityResolver.bare(mention.text()).split(" ")) {
					fullNameParts.add(word.toLowerCase(java.util.Locale.ROOT));
				}
			}
		}
		for (Mention mention : mentions) {
			String bare = EntityResolver.bare(mention.text());
			if (mention.type() != EntityType.PERSON || bare.contains(" ")) {
				continue;
			}
			String before = text.substring(Math.max(0, mention.start() - 30), mention.start());
			String[] previous = before.strip().split("\\s+");
			String after = text.substring(mention.end(), Math.min(text.length(), mention.end() + 30));
			boolean person = fullNameParts.contains(bare.toLowerCase(java.util.Locale.ROOT))
					|| (previous.length > 0 && Titles.isTitle(previous[previous.length - 1]))
					|| PERSON_AFTER.matcher(after).find() || PERSON_BEFORE.matcher(before).find();
			evidence.merge(bare, person, Boolean::logicalOr);
		}
		List<Mention> kept = new ArrayList<>(mentions.size());
		for (Mention mention : mentions) {
			String bare = EntityResolver.bare(mention.text());
			if (mention.type() == EntityType.PERSON && !bare.contains(" ") && !evidence.getOrDefault(bare, true)) {
				continue;
			}
			if (mention.type() == EntityType.PERSON && PLURAL_OF_PEOPLE.matcher(bare).matches()
					&& !fullNameParts.contains(bare.toLowerCase(java.util.Locale.ROOT))) {
				// Analysts said; Investigators found: a plural noun opening a sentence.
				continue;
			}
			kept.add(mention);
		}
		return kept;
	}

	/**
	 * A word for a vessel or a spacecraft right before a name: the name is the craft's,
	 * which is none of the types ({@code the feeder ship Meghna Pride},
	 * {@code the MV Kota Bahari}).
	 */
	private static final Pattern CRAFT_BEFORE = Pattern
		.compile("(?:\\b(?:ship|vessel|tanker|freighter|trawler|dhow|barge|tugboat|tug|ferry|yacht"
				+ "|boat|telescope|satellite|spacecraft|probe|rover|lander|rocket)|(?<![\\p{L}])(?:MV|MT|MS|FV|SS|RV|M/V))\\s$");

	/**
	 * A word for an instrument in space right after a name, or ending it:
	 * {@code the James Webb telescope}, {@code the Hubble Space Telescope}.
	 */
	private static final Pattern CRAFT_AFTER = Pattern
		.compile("^\\s(?:space\\s)?(?:telescope|satellite|spacecraft|probe|rover|lander)\\b");

	private static final Pattern CRAFT_NAME = Pattern.compile("\\s(?:Space\\s)?(?:Telescope|Satellite|Spacecraft)$");

	/**
	 * Vessels, spacecraft and telescopes are none of the types: their names are left out,
	 * wherever the article names them again.
	 */
	private static List<Mention> withoutCraft(String text, List<Mention> mentions) {
		Set<String> craft = new HashSet<>();
		for (Mention mention : mentions) {
			String before = text.substring(Math.max(0, mention.start() - 14), mention.start());
			String after = text.substring(mention.end(), Math.min(text.length(), mention.end() + 20));
			if (mention.value() == null && NameCues.typeOf(mention.text()).isEmpty()
					&& (CRAFT_BEFORE.matcher(before).find() || CRAFT_AFTER.matcher(after).find()
							|| CRAFT_NAME.matcher(mention.text()).find())) {
				craft.add(EntityResolver.bare(mention.text()));
			}
		}
		if (craft.isEmpty()) {
			return mentions;
		}
		List<Mention> kept = new ArrayList<>(mentions);
		kept.removeIf((m) -> m.value() == null && craft.contains(EntityResolver.bare(m.text())));
		return kept;
	}

	/** An institution that is also a building: a hospital or a clinic. */
	private static final Pattern CARE = Pattern.compile("\\b(?:Hospital|Clinic)$");

	/**
	 * Words before a hospital that make it the building: {@code taken to}, {@code at}.
	 */
	private static final Pattern TAKEN_TO = Pattern.compile("\\b(?:to|at|in|outside|from|inside)\\s(?:the\\s)?$");

	/** A preposition that puts what follows in a place: {@code in Mbanga}. */
	private static final Pattern IN_A_PLACE = Pattern
		.compile("(?:\\bin|\\bnear|\\boutside|\\baround|\\bvillage of|\\btown of|\\bcity of|\\bdistrict of"
				+ "|\\bprovince of|\\bvillages of|\\bregion of|\\bislands? of|\\bneighbou?rhoods? of|\\bsuburbs? of"
				+ "|\\bquarter of|\\bresidents of)\\s$");

	/**
	 * A one-word name the article puts somewhere to be ({@code in Mbanga},
	 * {@code near Kasegaon}) is a place throughout it, unless it is part of a person's
	 * name, a generic word or a name the knowledge base holds for something else.
	 */
	private void placesByUse(String text, List<Mention> mentions, Map<String, EntityType> wordTypes) {
		for (Mention mention : mentions) {
			String bare = EntityResolver.bare(mention.text());
			boolean oneWordOrOrganisation = !bare.contains(" ") || mention.type() == EntityType.ORGANIZATION;
			if (mention.type() == EntityType.LOCATION || !isName(mention) || !oneWordOrOrganisation
					|| wordTypes.get(bare) == EntityType.PERSON || NameCues.isGenericWord(bare)
					|| !this.kb.entitiesNamed(bare).isEmpty() || bare.equals(bare.toUpperCase(java.util.Locale.ROOT))
					|| Titles.isTitle(bare)) {
				continue;
			}
			String before = text.substring(Math.max(0, mention.start() - 24), mention.start());
			if (IN_A_PLACE.matcher(before).find() || (!bare.contains(" ") && usedAsPlace(text, bare))) {
				wordTypes.put(bare, EntityType.LOCATION);
			}
			else if (mention.type() == EntityType.ORGANIZATION && CARE.matcher(bare).find()
					&& TAKEN_TO.matcher(before).find()) {
				wordTypes.put(bare, EntityType.LOCATION);
			}
		}
	}

	/**
	 * Whether the article puts somewhere to be a word, wherever it writes it, found as a
	 * mention there or not: {@code in Kasegaon}.
	 */
	private static boolean usedAsPlace(String text, String word) {
		Matcher use = Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(word) + "(?![\\p{L}\\d’'-])").matcher(text);
		while (use.find()) {
			if (IN_A_PLACE.matcher(text.substring(Math.max(0, use.start() - 24), use.start())).find()) {
				return true;
			}
		}
		return false;
	}

	/** The kind of a region written after its name: {@code Kouilou Department}. */
	private static final Set<String> REGION_KINDS = Set.of("Department", "Province", "Region", "Governorate",
			"Prefecture", "Oblast", "Voivodeship", "Département", "Departamento", "Provincia");

	/**
	 * A known place's name followed by the kind of region it is ({@code Kouilou
	 * Department}, {@code La Paz Department}) is that region, not a body, whatever a
	 * recognizer took it for; {@code Fire Department} names no place and stays.
	 */
	private List<Mention> regionsByKind(List<Mention> mentions) {
		List<Mention> result = new ArrayList<>(mentions.size());
		for (Mention mention : mentions) {
			int space = mention.text().lastIndexOf(' ');
			if (mention.type() == EntityType.ORGANIZATION && mention.value() == null && space > 0
					&& REGION_KINDS.contains(mention.text().substring(space + 1))
					&& isPlace(mention.text().substring(0, space))) {
				result.add(new Mention(mention.start(), mention.end(), mention.text(), EntityType.LOCATION));
			}
			else {
				result.add(mention);
			}
		}
		return result;
	}

	/** A country, or a word for a people: neither is a given name before a name. */
	private boolean isCountryOrPeople(String name) {
		return this.kb.countryNamed(name).isPresent() || this.kb.isDemonym(name);
	}

	private boolean isPlace(String name) {
		return this.kb.countryNamed(name).isPresent() || !this.kb.placesNamed(name).isEmpty()
				|| !this.kb.regionsNamed(name).isEmpty();
	}

	private static final Pattern ACRONYM = Pattern.compile("\\(([A-Z][A-Z&]{1,6})\\)");

	/** A word in capitals that may be an acronym: {@code KPA}, {@code NDLEA}. */
	private static final Pattern CAPITALS = Pattern.compile("(?<![\\p{L}\\d.&-])[A-Z][A-Z&]{1,6}(?![\\p{L}\\d&-])");

	/**
	 * Every occurrence of an acronym of an organisation the article names before it: one
	 * defined in brackets right after the organisation ({@code Lake Basin Water Board
	 * (LBWB)}), whatever a recognizer took it for, or one whose letters are the initials
	 * of the organisation's name ({@code the Kenya Ports Authority} ... {@code KPA}).
	 */
	private static List<Mention> acronyms(String text, List<Mention> mentions) {
		Set<String> defined = new HashSet<>();
		Matcher definition = ACRONYM.matcher(text);
		while (definition.find()) {
			int at = definition.start();
			boolean afterOrganisation = mentions.stream()
				.anyMatch((m) -> m.type() == EntityType.ORGANIZATION && m.end() <= at
						&& text.substring(m.end(), at).isBlank());
			if (afterOrganisation) {
				defined.add(definition.group(1));
			}
		}
		List<Mention> result = new ArrayList<>(mentions.size());
		for (Mention mention : mentions) {
			boolean misread = mention.type() != EntityType.ORGANIZATION && mention.value() == null
					&& defined.contains(mention.text());
			result.add(misread ? new Mention(mention.start(), mention.end(), mention.text(), EntityType.ORGANIZATION)
					: mention);
		}
		Matcher capitals = CAPITALS.matcher(text);
		while (capitals.find()) {
			String acronym = capitals.group();
			int at = capitals.start();
			boolean known = defined.contains(acronym) || result.stream()
				.anyMatch((m) -> m.type() == EntityType.ORGANIZATION && m.end() <= at
						&& initialsOf(m.text()).equals(acronym));
			Mention mention = new Mention(at, capitals.end(), acronym, EntityType.ORGANIZATION);
			if (known && result.stream().noneMatch(mention::overlaps)) {
				result.add(mention);
			}
		}
		return result;
	}

	/** Words of a name that its acronym leaves out. */
	private static final Set<String> UNINITIALLED = Set.of("of", "and", "the", "for", "on", "in", "de", "du", "des",
			"la", "le", "da", "do", "dos", "del", "di", "&");

	/**
	 * The initials of a name of two words or more, its small link words left out:
	 * {@code KPA} for {@code Kenya Ports Authority}; empty for a one-word name.
	 */
	static String initialsOf(String name) {
		String[] words = EntityResolver.bare(name).split("[\\s-]+");
		if (words.length < 2) {
			return "";
		}
		StringBuilder initials = new StringBuilder();
		for (String word : words) {
			if (word.isEmpty() || UNINITIALLED.contains(word)) {
				continue;
			}
			if (!Character.isUpperCase(word.charAt(0))) {
				return "";
			}
			initials.append(word.charAt(0));
		}
		return (initials.length() >= 2) ? initials.toString() : "";
	}

	private static String nextWord(String text, int from) {
		int start = from;
		while (start < text.length() && text.charAt(start) == ' ') {
			start++;
		}
		int end = start;
		while (end < text.length() && Character.isLetter(text.charAt(end))) {
			end++;
		}
		return text.substring(start, end);
	}

	private static Mention choose(GazetteerRecognizer.Match match, Mention modelled) {
		Mention known = match.mention();
		if (modelled == null) {
			return match.strong() ? known : null;
		}
		boolean sameSpan = modelled.start() == known.start() && modelled.end() == known.end();
		if (sameSpan) {
			if (known.type() != EntityType.LOCATION || modelled.type() == EntityType.LOCATION) {
				return known;
			}
			// The model reads a place name as a person or an organisation; a well-known
			// place wins.
			return match.strong() ? known : modelled;
		}
		if (modelled.length() > known.length()) {
			return modelled;
		}
		return (match.strong() || modelled.type() == known.type()) ? known : modelled;
	}

	private static Mention withoutTitles(Mention mention) {
		int space = mention.text().lastIndexOf(' ');
		if (space > 0 && mention.text().indexOf(' ') < space
				&& Titles.isTrailingHonorific(mention.text().substring(space + 1))) {
			// An honorific after a name of two words or more: Kotmale Dhammaloka Thero.
			mention = new Mention(mention.start(), mention.start() + space, mention.text().substring(0, space),
					mention.type());
		}
		List<String> words = List.of(mention.text().split(" "));
		int titles = Titles.leadingTitles(words);
		if (titles == 0) {
			return Titles.isTitle(mention.text()) ? null : mention;
		}
		int cut = 0;
		for (int i = 0; i < titles; i++) {
			cut += words.get(i).length() + 1;
		}
		return new Mention(mention.start() + cut, mention.end(), mention.text().substring(cut), mention.type());
	}

	/**
	 * The same name gets the same type everywhere in an article; what the knowledge base
	 * decided wins.
	 */
	private static List<Mention> oneTypePerName(List<Mention> mentions, Set<String> decidedByKnowledge) {
		Map<String, Map<EntityType, Integer>> votes = new HashMap<>();
		Map<String, EntityType> decided = new HashMap<>();
		for (Mention mention : mentions) {
			if (isName(mention)) {
				votes.computeIfAbsent(mention.text(), (k) -> new HashMap<>()).merge(mention.type(), 1, Integer::sum);
				if (decidedByKnowledge.contains(mention.text())) {
					decided.put(mention.text(), mention.type());
				}
			}
		}
		List<Mention> result = new ArrayList<>(mentions.size());
		for (Mention mention : mentions) {
			Map<EntityType, Integer> counts = votes.get(mention.text());
			if (counts == null || counts.size() < 2) {
				result.add(mention);
				continue;
			}
			EntityType type = decided.getOrDefault(mention.text(),
					counts.entrySet()
						.stream()
						.max(Map.Entry.<EntityType, Integer>comparingByValue()
							.thenComparing((e) -> e.getKey() == EntityType.LOCATION))
						.orElseThrow()
						.getKey());
			result.add(new Mention(mention.start(), mention.end(), mention.text(), type, mention.value()));
		}
		return result;
	}

	private static boolean isName(Mention mention) {
		return mention.type() == EntityType.PERSON || mention.type() == EntityType.ORGANIZATION
				|| mention.type() == EntityType.LOCATION;
	}

	private static boolean addIfFree(List<Mention> accepted, Mention mention) {
		if (overlapsAny(accepted, mention)) {
			return false;
		}
		accepted.add(mention);
		return true;
	}

	private static boolean overlapsAny(List<Mention> accepted, Mention mention) {
		return accepted.stream().anyMatch(mention::overlaps);
	}

}
