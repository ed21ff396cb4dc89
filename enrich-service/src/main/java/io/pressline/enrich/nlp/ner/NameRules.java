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
			+ "|Organization|Government|Parliament|Assembly|Senate|Congress|Cooperative|Confederation|Chamber|Directorate|Administration"
			+ "|Secretariat|Inspectorate|Registry|Ombudsman|Archdiocese|Diocese|Eparchy|Patriarchate";

	private static final String WORD = "\\p{Lu}[\\p{L}’'&-]*";

	private static final String LINK = "(?:of|for|and|on|the|de|del|des|la|le|di|&)";

	/** Words after {@code on} that end a name rather than continue it. */
	private static final String NOT_A_NAME = "(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January"
			+ "|February|March|April|May|June|July|August|September|October|November|December)\\b)";

	private static final String NAME_WORD = NOT_A_NAME + WORD;

	/** Words of a name after its head, with up to two link words between them. */
	private static final String ITEM = NAME_WORD + "(?:\\s+(?:" + LINK + "\\s+){0,2}" + NAME_WORD + "){0,4}";

	/** {@code Ministry of Science and ICT}, {@code University of Bern}. */
	private static final Pattern HEAD_FIRST = Pattern
		.compile("\\b(?:(?:" + WORD + ")\\s+){0,3}(?:" + HEADS + ")\\s+(?:of|for|on)\\s+(?:the\\s+)?" + ITEM);

	/**
	 * A long official name that lists its remit, commas and {@code and} included:
	 * {@code Ministry of Lands, Public Works, Housing and Urban Development}.
	 */
	private static final Pattern HEAD_FIRST_LIST = Pattern
		.compile("\\b(?:(?:" + WORD + ")\\s+){0,3}(?:" + HEADS + ")\\s+(?:of|for|on)\\s+(?:the\\s+)?" + WORD + "(?:\\s+"
				+ WORD + "){0,2}(?:,\\s+" + WORD + "(?:\\s+" + WORD + "){0,2})+,?\\s+and\\s+" + ITEM);

	/** Head words of Romance official names: {@code Sindicato}, {@code Cámara}. */
	private static final String ROMANCE_HEADS = "Sindicato|Sindicat|Syndicat|Sindacato|Cámara|Câmara|Chambre|Camera"
			+ "|Federación|Federação|Fédération|Federazione|Asociación|Associação|Association|Associazione"
			+ "|Confederación|Confederação|Confédération|Cooperativa|Coopérative|Unión|União|Union|Ministerio"
			+ "|Ministério|Ministère|Ministero|Secretaría|Secretaria|Secrétariat|Instituto|Institut|Istituto"
			+ "|Consejo|Conselho|Conseil|Consiglio|Comisión|Comissão|Commission|Commissione|Fundación|Fundação"
			+ "|Fondation|Fondazione|Colegio|Ordem|Ordre|Ordine|Comité|Comitê|Comitato|Frente|Movimiento|Movimento";

	/** A Romance link word inside a name: {@code de}, {@code del}, {@code de la}. */
	private static final String ROMANCE_LINK = "(?:de|del|de la|de los|de las|do|da|dos|das|des|du|de l’|d’|di|della|dei|degli)";

	/** Capitalised words of a Romance name, with link words between them. */
	private static final String ROMANCE_ITEM = WORD + "(?:\\s+(?:" + ROMANCE_LINK + "\\s+)?" + WORD + "){0,4}";

	/**
	 * A Romance official name that lists its members, commas and {@code y}, {@code e},
	 * {@code et}, {@code i} included: {@code Sindicato Único de Trabajadores Rurales,
	 * Viñateros y Afines de Cuyo}.
	 */
	private static final Pattern ROMANCE_LIST = Pattern
		.compile("\\b(?:" + ROMANCE_HEADS + ")(?:\\s+" + WORD + ")?\\s+" + ROMANCE_LINK + "\\s+" + ROMANCE_ITEM
				+ "(?:,\\s+" + ROMANCE_ITEM + ")+,?\\s+(?:y|e|et|i)\\s+" + ROMANCE_ITEM);

	/**
	 * The same with the head last:
	 * {@code United Nations Educational, Scientific and Cultural Organization}.
	 */
	private static final Pattern HEAD_LAST_LIST = Pattern
		.compile("\\b" + WORD + "(?:\\s+" + WORD + "){0,2}(?:,\\s+" + WORD + "(?:\\s+" + WORD + "){0,2})+,?\\s+and\\s+"
				+ WORD + "(?:\\s+" + WORD + "){0,3}\\s+(?:" + HEADS + ")\\b");

	/**
	 * A capitalised word; a full stop only inside it ({@code A.P.}), never at its end.
	 */
	private static final String RUN_WORD = "(?:\\p{Lu}[\\p{L}\\d’'&–-]*(?:\\.\\p{L}[\\p{L}\\d’'&–-]*)*|\\p{Lu}\\.(?= \\p{Lu}))";

	/** A run of capitalised words, the way a name is written. */
	private static final Pattern RUN = Pattern.compile("(?<![\\p{L}\\d’'-])(?:(?:al-|el-|an-|ad-|as-)?" + RUN_WORD
			+ ")(?: (?:(?:al-|el-)?" + RUN_WORD + "|\\d{1,3}(?![\\d.,]\\d)(?![-–:]\\d)\\b))*");

	/**
	 * A run of capitalised words joined by the link words of Romance, Arabic and English
	 * names: {@code Rue de la Gare}, {@code Union Sportive de Mbanga}.
	 */
	private static final Pattern LINKED_RUN = Pattern.compile("(?<![\\p{L}\\d’'-])" + RUN_WORD
			+ "(?: (?:(?:de|da|do|dos|das|du|des|la|le|les|del|della|di|of|the|al|el|bana|y|e|d’|l’)\\s?)*(?:"
			+ RUN_WORD + "|\\d{1,3}(?![-–:]\\d)\\b))+");

	/**
	 * A court named with its seat after a comma: {@code Court of Appeal, Lagos Division},
	 * {@code High Court, Kandy Bench}.
	 */
	private static final Pattern COURT_DIVISION = Pattern
		.compile("\\b(?:" + WORD + "\\s+){0,2}(?:Court|Tribunal)" + "(?:\\s+of\\s+" + WORD + "(?:\\s+" + WORD
				+ ")?)?,\\s+" + WORD + "(?:\\s+" + WORD + ")?\\s+(?:Division|Bench|Circuit|Chamber|Registry)\\b");

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

	/**
	 * Title words that also open the names of bodies, and stay in them:
	 * {@code General Election Commission}, {@code Metropolitan Police},
	 * {@code Premier League}, {@code Finance Ministry}.
	 */
	private static final java.util.Set<String> OFFICE_WORDS = java.util.Set.of("General", "Chief", "Deputy", "State",
			"Home", "Foreign", "Finance", "Health", "Education", "Transport", "Energy", "Interior", "Defence",
			"Defense", "Trade", "Culture", "Environment", "Climate", "Housing", "Security", "Agriculture", "Labour",
			"Labor", "Economy", "Executive", "Crown", "Vice", "Prime", "Field", "Head", "Principal", "Metropolitan",
			"Premier", "Supreme");

	/** Words that start a sentence, not a name: {@code Along Digo Road}. */
	private static final java.util.Set<String> STOPWORDS = readStopwords();

	/**
	 * Whether a word, in any case, is one of the function words of
	 * {@code nlp/stopwords.txt}.
	 */
	static boolean isStopword(String word) {
		return STOPWORDS.contains(word.toLowerCase(java.util.Locale.ROOT));
	}

	private static java.util.Set<String> readStopwords() {
		try (java.io.InputStream in = NameRules.class.getResourceAsStream("/nlp/stopwords.txt")) {
			if (in == null) {
				throw new IllegalStateException("nlp/stopwords.txt is not on the classpath");
			}
			java.util.Set<String> words = new java.util.HashSet<>();
			for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
				if (!line.isBlank() && !line.startsWith("#")) {
					words.add(line.strip());
				}
			}
			words.addAll(java.util.List.of("along", "residents", "outside", "inside", "near", "across", "behind",
					"beside", "opposite", "beyond", "towards", "toward", "past", "meanwhile", "traders", "workers"));
			return java.util.Set.copyOf(words);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * A brand written as a web address or in camel case, lowercase first:
	 * {@code kapu.co.tz}, {@code bol.com}, {@code thuisHanze}, {@code easyJet}.
	 */
	private static final Pattern BRAND = Pattern
		.compile("(?<![\\p{L}\\d@./_-])(?:[a-z][a-z0-9-]{2,}(?:\\.[a-z]{2,3}){1,2}|[a-z]{3,}\\p{Lu}\\p{Ll}+)"
				+ "(?![\\p{L}\\d@/_-])");

	List<Mention> recognize(String text) {
		List<Mention> mentions = new ArrayList<>();
		Matcher brand = BRAND.matcher(text);
		while (brand.find()) {
			mentions.add(new Mention(brand.start(), brand.end(), brand.group(), EntityType.ORGANIZATION));
		}
		Matcher credit = CREDIT.matcher(text);
		while (credit.find()) {
			mentions.add(new Mention(credit.start("person"), credit.end("person"), credit.group("person"),
					EntityType.PERSON));
			mentions.add(new Mention(credit.start("agency"), credit.end("agency"), credit.group("agency"),
					EntityType.ORGANIZATION));
		}
		for (Pattern pattern : List.of(COURT_DIVISION, ROMANCE_LIST, HEAD_FIRST_LIST, HEAD_LAST_LIST, HEAD_FIRST,
				HEAD_LAST)) {
			heads(text, pattern, mentions);
		}
		cued(text, mentions);
		// Natural features last, so that a company or body named after one keeps its
		// whole name: Mekong River Commission, Kallang River Engineering Pte Ltd.
		Matcher feature = FEATURE.matcher(text);
		while (feature.find()) {
			int start = trimLeadingFunctionWords(text, feature.start(), feature.end());
			Mention mention = new Mention(start, feature.end(), text.substring(start, feature.end()),
					EntityType.LOCATION);
			if (mentions.stream().noneMatch(mention::overlaps)) {
				mentions.add(mention);
			}
		}
		return mentions;
	}

	private static void heads(String text, Pattern pattern, List<Mention> mentions) {
		Matcher matcher = pattern.matcher(text);
		{
			while (matcher.find()) {
				int start = trimLeadingFunctionWords(text, matcher.start(), matcher.end());
				int end = trimTrailing(text, start, matcher.end());
				if (end - start > 3 && text.substring(start, end).contains(" ")) {
					String name = text.substring(start, end);
					Mention mention = new Mention(start, end, name,
							NameCues.typeOf(name).orElse(EntityType.ORGANIZATION));
					if (mentions.stream().noneMatch(mention::overlaps)) {
						mentions.add(mention);
					}
				}
			}
		}
	}

	/**
	 * Names whose own generic word gives their type: {@code Digo Road},
	 * {@code Avenida Samora Machel}, {@code Kallang River Engineering Pte Ltd}.
	 */
	private static void cued(String text, List<Mention> mentions) {
		List<Mention> found = new ArrayList<>();
		Matcher linked = LINKED_RUN.matcher(text);
		while (linked.find()) {
			// The first word after a sentence's "The": The Fédération Sénégalaise de
			// Football.
			int from = trimLeadingFunctionWords(text, linked.start(), linked.end());
			int space = text.indexOf(' ', from);
			String first = text.substring(from, (space < 0 || space > linked.end()) ? linked.end() : space);
			if (NameCues.opensAName(first)) {
				add(text, linked.start(), linked.end(), found, mentions);
			}
		}
		Matcher run = RUN.matcher(text);
		while (run.find()) {
			add(text, run.start(), run.end(), found, mentions);
		}
		mentions.addAll(found);
	}

	private static void add(String text, int runStart, int runEnd, List<Mention> found, List<Mention> mentions) {
		int start = trimLeadingFunctionWords(text, runStart, runEnd);
		int end = trimTrailing(text, start, runEnd);
		if (end - start < 4 || !text.substring(start, end).contains(" ") && !text.substring(start, end).contains("-")) {
			return;
		}
		String name = text.substring(start, end);
		var type = NameCues.typeOf(name);
		if (type.isEmpty()) {
			return;
		}
		Mention mention = new Mention(start, end, name, type.get());
		if (mentions.stream().noneMatch(mention::overlaps) && found.stream().noneMatch(mention::overlaps)) {
			found.add(mention);
		}
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
			if (!word.equals("The") && !word.equals("A") && !(Titles.isTitle(word) && !OFFICE_WORDS.contains(word))
					&& !STOPWORDS.contains(word.toLowerCase(java.util.Locale.ROOT))
					&& !NameShapes.isCompoundAdjective(word)) {
				break;
			}
			position = space + 1;
		}
		return position;
	}

	private static int trimTrailing(String text, int start, int end) {
		int position = end;
		if (position - start > 3 && (text.startsWith("’s", position - 2) || text.startsWith("'s", position - 2))) {
			position -= 2;
		}
		while (position > start && ".,’'".indexOf(text.charAt(position - 1)) >= 0) {
			position--;
		}
		return position;
	}

}
