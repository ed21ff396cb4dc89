package io.pressline.enrich.quality;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import io.pressline.enrich.nlp.ner.EntityType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gold set is read as the guidelines write it: every part parses, every quotation in
 * the text has its line, every place has a country and every short name the full name it
 * stands for. Reading it runs no engine, so this holds for the blind half too.
 */
class GoldSetFormatTests {

	private static final Pattern QUOTATION = Pattern.compile("“([^”]*)”");

	private static final Pattern COUNTRY = Pattern.compile(".+, [A-Z]{2}");

	@Test
	void theSecondSetHasAtLeastAHundredArticlesHalfOfThemBlind() {
		int dev = GoldSet.load(GoldSet.Part.DEV).size();
		int blind = GoldSet.load(GoldSet.Part.BLIND).size();

		assertThat(dev + blind).isGreaterThanOrEqualTo(100);
		assertThat(blind).isGreaterThanOrEqualTo(dev);
		assertThat(GoldSet.load(GoldSet.Part.FIRST).size() + dev + blind).isGreaterThanOrEqualTo(130);
	}

	@ParameterizedTest
	@EnumSource(GoldSet.Part.class)
	void everyArticleIsAnnotatedAsTheGuidelinesSay(GoldSet.Part part) {
		List<String> problems = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (GoldArticle article : GoldSet.load(part)) {
			assertThat(names.add(article.name())).as("%s is listed once", article.name()).isTrue();
			String text = article.article().fullText();
			int quotations = 0;
			Matcher quotation = QUOTATION.matcher(text);
			while (quotation.find()) {
				quotations++;
			}
			if (article.quotes().size() > quotations) {
				problems.add(article.name() + ": more quote lines than quotations");
			}
			for (GoldArticle.Quote quote : article.quotes()) {
				if (!text.contains("“" + quote.opening())) {
					problems.add(article.name() + ": no quotation opens with '" + quote.opening() + "'");
				}
			}
			for (GoldArticle.Mention mention : article.mentions()) {
				if (mention.type() == EntityType.LOCATION && !COUNTRY.matcher(mention.canonical()).matches()) {
					problems.add(article.name() + ": place '" + mention.text() + "' has no country");
				}
				if (!mention.text().equals(mention.text().strip())) {
					problems.add(article.name() + ": '" + mention.text() + "' has spaces at an edge");
				}
			}
		}
		assertThat(problems).isEmpty();
	}

}
