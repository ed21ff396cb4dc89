package io.pressline.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.pressline.enrich.quality.GoldArticle;
import io.pressline.enrich.quality.GoldSet;

/**
 * The parts of the gold set a model may be trained or tuned on, and the part it is
 * checked on. Training and tuning use the first set and the tuning half's articles 031 to
 * 069; articles 070 to 082 are kept out of both so they stay a fair check. The blind half
 * is not here: only {@link QualityComparison} measures it, on the lead's request.
 */
final class GoldSplits {

	/** The last article of the tuning half that a model may be trained on. */
	static final int LAST_TRAINING_ARTICLE = 69;

	private GoldSplits() {
	}

	/** FIRST (01–30) and DEV 031–069. */
	static List<GoldArticle> training() {
		List<GoldArticle> articles = new ArrayList<>(GoldSet.load(GoldSet.Part.FIRST));
		GoldSet.load(GoldSet.Part.DEV)
			.stream()
			.filter((a) -> number(a) <= LAST_TRAINING_ARTICLE)
			.forEach(articles::add);
		return articles;
	}

	/** DEV 070–082: measured, never trained or tuned on. */
	static List<GoldArticle> heldOut() {
		return GoldSet.load(GoldSet.Part.DEV).stream().filter((a) -> number(a) > LAST_TRAINING_ARTICLE).toList();
	}

	static int number(GoldArticle article) {
		String name = article.name();
		int dash = name.indexOf('-');
		if (dash <= 0) {
			throw new IllegalArgumentException("Gold article " + name + " has no number");
		}
		return Integer.parseInt(name.substring(0, dash).toLowerCase(Locale.ROOT));
	}

}
