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
			"Superintendent");

	private Titles() {
	}

	static boolean isTitle(String word) {
		return WORDS.contains(word);
	}

	/** How many leading words of a name are titles, leaving at least one word. */
	static int leadingTitles(List<String> words) {
		int count = 0;
		while (count < words.size() - 1 && isTitle(words.get(count))) {
			count++;
		}
		return count;
	}

}
