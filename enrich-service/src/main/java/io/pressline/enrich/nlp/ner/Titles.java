package io.pressline.enrich.nlp.ner;

import java.util.List;
import java.util.Set;

/**
 * Titles, offices and honorifics that stand before a name but are not part of it:
 * {@code President}, {@code Secretary General}, {@code Finance Minister}, {@code Dr.}.
 */
final class Titles {

	private static final Set<String> WORDS = Set.of("President", "Vice", "Prime", "Minister", "Secretary", "General",
			"Secretary-General", "Chancellor", "King", "Queen", "Prince", "Princess", "Sir", "Dame", "Lord", "Lady",
			"Dr", "Dr.", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Prof", "Prof.", "Professor", "Gen.", "Lt.", "Col.",
			"Maj.", "Capt.", "Sgt.", "Adm.", "Rep.", "Sen.", "Senator", "Governor", "Gov.", "Mayor", "Judge", "Justice",
			"Councillor", "Councilor", "Chairman", "Chairwoman", "Chair", "Chief", "Commander", "Coach", "Captain",
			"Ambassador", "Bishop", "Archbishop", "Rev.", "Reverend", "Father", "Sheikh", "Crown", "Defence", "Defense",
			"Foreign", "Finance", "Health", "Interior", "Economy", "Education", "Transport", "Energy", "Deputy",
			"State", "Premier", "Speaker", "Inspector", "Officer", "Corporal", "Sergeant", "Lieutenant", "Colonel",
			"Major", "Brigadier", "Marshal", "Field", "Emir", "Sultan", "Executive", "Director", "Head", "Attorney",
			"Agriculture", "Labour", "Labor", "Trade", "Culture", "Environment", "Climate", "Housing", "Security",
			"Home", "Secretary-general", "Midfielder", "Striker", "Defender", "Goalkeeper", "Forward", "Winger",
			"Manager", "Spokesperson", "Spokesman", "Spokeswoman", "Doctor", "Nurse", "Detective", "Constable",
			"Superintendent", "Alderman", "Alderwoman", "Cllr", "Cllr.", "Hon.", "Honourable", "Magistrate", "Imam",
			"Pastor", "Abuna", "Memhir", "Ato", "Weyzero", "Woizero", "Wzro", "Alhaji", "Alhaja", "Hajia", "Haji",
			"Hajjah", "Malam", "Mallam", "Comrade", "Sarpanch", "Shri", "Shri.", "Smt.", "Smt", "Datuk", "Dato",
			"Dato’", "Dato'", "Datin", "Tun", "Toh", "Puan", "Encik", "Cik", "Ustaz", "Ustazah", "Ibu", "Bu", "Pak",
			"Bapak", "Akim", "Daw", "U", "Sayadaw", "Venerable", "Ven.", "Nana", "Ratu", "Don", "Doña", "Dom", "Sr.",
			"Sra.", "Srta.", "Sr", "Sra", "Señor", "Señora", "Monsieur", "Madame", "Mme", "Mme.", "M.", "Herr", "Frau",
			"Signor", "Signora", "Mullah", "Ayatollah", "Mufti", "Rabbi", "Elder", "Deacon", "Monsignor", "Sister",
			"Mwalimu", "Mzee", "Engineer", "Eng.", "Barrister", "Advocate", "Kyai", "Ustadh", "Maître", "Juiz", "Juez",
			"Jueza", "Fiscal", "Prosecutor", "Registrar", "Sheikha", "Sayyid", "Hojatoleslam", "Pandit", "Swami",
			"Geshe", "Rinpoche", "Phra", "Luang", "Thiru", "Selvi", "Principal", "Headmaster", "Headteacher", "Vicar",
			"Bishop-elect", "Metropolitan", "Patriarch", "Cardinal", "Pope", "Ombudsman", "Auditor-General",
			"Attorney-General", "Governor-General", "Vice-President", "Vice-Chancellor", "Deputy-Governor", "MP", "MEP",
			"Trustee", "Councilwoman", "Councilman", "Assemblyman", "Assemblywoman", "Congressman", "Congresswoman",
			"Alcalde", "Alcaldesa", "Prefect", "Préfet", "Bürgermeister", "Burgemeester", "Wethouder", "Landrat",
			"Intendente", "Gobernador", "Gobernadora", "Presidente", "Ministro", "Ministra", "Bupati", "Camat", "Lurah",
			"Wali", "Chairperson", "CEO", "Lonko", "Ajq’ij", "Ajq'ij", "Lcda", "Lcda.", "Lcdo", "Lcdo.", "Lic.",
			"Licda.", "Ing.", "Arq.", "Midwife", "Pharmacist", "Architect", "Lawyer", "Teacher", "Surgeon", "Dentist",
			"Curator", "Historian", "Economist", "Analyst", "Activist", "Organiser", "Organizer", "Volunteer",
			"Fisherman", "Fisherwoman", "Farmer", "Trader", "Shopkeeper", "Vendor", "Driver", "Pilot", "Ranger",
			"Warden", "Apostle", "Evangelist", "Prophet", "Bro.", "Sis.", "Fr.", "Mgr", "Mgr.", "Pr.", "Dra.", "Ir.",
			"Drs.", "Mag.", "Dipl.-Ing.", "Hajji", "Hadji", "Mbak", "Oba", "Obong", "Igwe", "Senior", "Presiding",
			"Major-General", "Lieutenant-General", "Brigadier-General", "Lieutenant-Colonel", "Rear-Admiral",
			"Vice-Admiral", "Admiral", "Lt", "Col", "Maj", "Capt", "Sgt", "Gen", "Supt", "Supt.", "Insp.", "Cpl.",
			"Pte.", "Hajiya", "Haj", "Hajj", "Mama", "Kaumātua", "Kaumatua", "Ustad", "Bourgmestre", "Critic", "Mas",
			"K.H.", "Sub-Commissioner", "Counsellor", "Counselor", "Me", "Commissioner", "Administrator", "Delegate",
			"Naa", "Dadabe", "Ramatoa", "Maâlem", "Maalem", "Master", "Saw", "Mãe", "Dona", "Iyaloja", "Suldan",
			"Atty.", "Jro", "Mangku", "Tuai", "Sergeant-Major", "Warrant", "Aunty", "Auntie", "Kabaka", "Adi", "Dean",
			"Abba", "Bi", "Nabadoon", "Alhadji", "Naw", "Uncle", "Muhtar", "Lama", "Shiretui", "Ña");

	/**
	 * Titles that are also given names ({@code Emir Kurtović}, {@code Sultan Bekov}): a
	 * title only with at least two words of a name after it ({@code Emir Tamim bin
	 * Hamad}).
	 */
	private static final Set<String> ALSO_GIVEN_NAMES = Set.of("Emir", "Sultan");

	/**
	 * Offices a level or a body may qualify in front of a name:
	 * {@code Cabinet Secretary}, {@code District Commissioner},
	 * {@code Regional Administrator}.
	 */
	private static final Set<String> QUALIFIED_OFFICES = Set.of("Secretary", "Minister", "Commissioner", "Governor",
			"Judge", "Director", "Officer", "Head", "Inspector", "Administrator", "Chairman", "Chairwoman",
			"Chairperson", "President", "Mayor", "Councillor", "Counsellor", "Prosecutor", "Attorney", "Spokesperson",
			"Spokesman", "Spokeswoman", "Superintendent", "Magistrate", "Registrar", "Engineer", "Surgeon", "Chief",
			"Commander", "Coach", "Manager", "Representative", "Auditor");

	/**
	 * Words naming the level or the body of an office before it, which are not part of
	 * the name after it.
	 */
	private static final Set<String> OFFICE_QUALIFIERS = Set.of("Cabinet", "Regional", "Provincial", "District",
			"County", "Municipal", "Assistant", "Associate", "Acting", "Permanent", "Principal", "Interim", "Federal",
			"National", "City", "Town", "Village", "Parish", "Ward", "Area", "Zonal", "Divisional", "Resident",
			"Police", "Army", "Opposition", "Party", "Union", "Club", "Team", "Tribal", "Clan", "Council", "Court",
			"Borough", "Station", "Branch", "Camp", "Community", "Youth", "Sub-County", "Sub-county", "Subcounty",
			"State", "Chief", "Executive", "Managing", "General", "Senior", "Medical", "Technical", "Legal", "Finance",
			"Health", "Education", "Agriculture", "Trade", "Water", "Works", "Port", "Prison", "Prisons", "Customs",
			"Election", "Electoral", "Planning", "Sports", "Forest", "Wildlife", "Fisheries", "Mines");

	/**
	 * A trade or a science named before a name, as news copy writes it
	 * ({@code Hydrologist Tsai Yu-chen}, {@code Paediatrician Amina Yusuf}): a word with
	 * the ending of such a noun, which no given name has.
	 */
	private static final java.util.regex.Pattern TRADE = java.util.regex.Pattern
		.compile("\\p{Lu}\\p{Ll}{3,}(?:ologist|ographer|ician|nomist|ist)");

	/**
	 * Words of an office that follow {@code of} inside a title: {@code Superintendent of
	 * Police}, {@code Minister of Finance}, {@code Chief of Staff}.
	 */
	private static final Set<String> OFFICES = Set.of("Police", "State", "Staff", "Finance", "Justice", "Health",
			"Education", "Defence", "Defense", "Interior", "Agriculture", "Works", "Prisons", "Customs", "Mines",
			"Transport", "Energy", "Trade", "Labour", "Labor", "Culture", "Tourism", "Fisheries", "Public");

	/**
	 * Honorifics written after a name: {@code Thero} after a Buddhist monk's name in Sri
	 * Lanka, {@code Sahib} in South Asia.
	 */
	private static final Set<String> TRAILING = Set.of("Thero", "Thera", "Himi", "Mahathera", "Sahib", "Sahab", "Hanım",
			"Hanim", "Bey", "Efendi", "apa", "aka", "Ağa");

	/** Whether a word is an honorific that follows a name. */
	static boolean isTrailingHonorific(String word) {
		return TRAILING.contains(word);
	}

	private Titles() {
	}

	static boolean isTitle(String word) {
		return WORDS.contains(word);
	}

	/**
	 * Whether a word names an office, its level or its body ({@code Police},
	 * {@code District}, {@code Commissioner}): part of a title, never of a name.
	 */
	static boolean isOfficeWord(String word) {
		return OFFICES.contains(word) || OFFICE_QUALIFIERS.contains(word) || QUALIFIED_OFFICES.contains(word);
	}

	/**
	 * Two-word honorifics whose parts are also names: {@code Tan Sri}, {@code Puan Sri}.
	 */
	private static final Set<String> PAIRS = Set.of("Tan Sri", "Puan Sri", "Toh Puan", "District Judge",
			"High Court Judge", "Chief Justice", "County Executive");

	/**
	 * Where an office named after one or more qualifiers ends ({@code Regional Police
	 * Commander}), leaving a word of a name after it; {@code from} when there is none.
	 */
	private static int qualifiedOffice(List<String> words, int from) {
		int at = from;
		while (at < words.size() && OFFICE_QUALIFIERS.contains(words.get(at))
				&& !QUALIFIED_OFFICES.contains(words.get(at))) {
			at++;
		}
		if (at > from && at + 1 < words.size() && QUALIFIED_OFFICES.contains(words.get(at))
				&& !isTitle(words.get(at + 1))) {
			return at + 1;
		}
		return from;
	}

	/** How many leading words of a name are titles, leaving at least one word. */
	static int leadingTitles(List<String> words) {
		int count = 0;
		while (count < words.size() - 1) {
			if (count + 2 < words.size() && PAIRS.contains(words.get(count) + " " + words.get(count + 1))) {
				count += 2;
			}
			else if (isTitle(words.get(count)) && !PAIRS.contains(words.get(count))) {
				if (ALSO_GIVEN_NAMES.contains(words.get(count)) && words.size() - count - 1 < 2) {
					break;
				}
				count++;
			}
			else if (OFFICE_QUALIFIERS.contains(words.get(count)) && qualifiedOffice(words, count) > count) {
				// Cabinet Secretary Peter Langat, Regional Police Commander Faustine
				// Sanga
				count = qualifiedOffice(words, count);
			}
			else if (count == 0 && TRADE.matcher(words.get(count)).matches()) {
				count++;
			}
			else if (count > 0 && count + 2 < words.size() && words.get(count).equals("of")
					&& OFFICES.contains(words.get(count + 1))) {
				count += 2;
			}
			else {
				break;
			}
		}
		return count;
	}

}
