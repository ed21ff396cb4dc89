package io.pressline.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.pressline.enrich.quality.GoldArticle;
import io.pressline.enrich.quality.GoldSet;

/**
 * The parts of the gold set a model may be trained or tuned on, and the part it is
 * checked on. All of the first set, the tuning half and the four blind sets (01–254, each
 * blind set measured once and since open for tuning) may be trained on; to choose between
 * models, the articles after {@link #HELD_OUT_AFTER} are kept out of training and tuning
 * and only measured.
 */
final class GoldSplits {

	/**
	 * The last article a model may be trained on while models are compared: 111–174 are
	 * then the held-out check.
	 */
	static final int HELD_OUT_AFTER = 110;

	/** The last article of the parts that may be trained on. */
	static final int LAST_ARTICLE = 254;

	private GoldSplits() {
	}

	/**
	 * Every article a model may be trained on: FIRST, DEV, BLIND, BLIND2, BLIND3 and
	 * BLIND4 (01–254).
	 */
	static List<GoldArticle> trainable() {
		List<GoldArticle> articles = new ArrayList<>(GoldSet.load(GoldSet.Part.FIRST));
		articles.addAll(GoldSet.load(GoldSet.Part.DEV));
		articles.addAll(GoldSet.load(GoldSet.Part.BLIND));
		articles.addAll(GoldSet.load(GoldSet.Part.BLIND2));
		articles.addAll(GoldSet.load(GoldSet.Part.BLIND3));
		articles.addAll(GoldSet.load(GoldSet.Part.BLIND4));
		return articles;
	}

	/** The trainable articles numbered up to {@code last}. */
	static List<GoldArticle> training(int last) {
		return trainable().stream().filter((a) -> number(a) <= last).toList();
	}

	/** The trainable articles numbered after {@code last}: measured, never trained on. */
	static List<GoldArticle> heldOut(int last) {
		return trainable().stream().filter((a) -> number(a) > last).toList();
	}

	/** 01–110, what models are trained on while they are compared. */
	static List<GoldArticle> training() {
		return training(HELD_OUT_AFTER);
	}

	/** 111–174: measured, never trained or tuned on while models are compared. */
	static List<GoldArticle> heldOut() {
		return heldOut(HELD_OUT_AFTER);
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
