package io.pressline.enrich.nlp.meta;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.pressline.enrich.nlp.ArticleText;
import io.pressline.enrich.nlp.Segmenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Topics with their two numbers: the score ranks a topic against the article's others,
 * the confidence says how much the text holds for it, whatever the others.
 */
class TopicClassifierTests {

	private static final TopicClassifier classifier = TopicClassifier.iptc();

	private static final Segmenter segmenter = Segmenter.english();

	private static final String POLITICS = "The coalition government won the parliament vote on the budget bill. "
			+ "The prime minister thanked the coalition partners.\n\n"
			+ "Opposition lawmakers said the election campaign would turn on the vote. "
			+ "The president must sign the bill within ten days, and the senate votes next week.";

	@Test
	void aPassingCueIsAWeakClaimAndATextFullOfCuesAStrongOne() {
		Topic passing = topic(classify("Night buses return", "The night buses run again from Friday, said the mayor."),
				"politics");
		Topic strong = topic(classify("Coalition wins the vote", POLITICS), "politics");

		assertThat(passing.score()).isEqualTo(1.0);
		assertThat(strong.score()).isEqualTo(1.0);
		assertThat(passing.confidence()).isLessThan(0.5);
		assertThat(strong.confidence()).isGreaterThan(0.9).isLessThanOrEqualTo(1.0);
	}

	@Test
	void aTopicsConfidenceDoesNotDependOnTheOtherTopics() {
		String sport = "\n\nThe football club's players and coach left the stadium after the match. "
				+ "The team won the cup final, the league's championship, with a goal in the last game of the season; "
				+ "the fans cheered the striker and the players lifted the trophy after the victory.";
		Topic alone = topic(classify("Coalition wins the vote", POLITICS), "politics");
		List<Topic> both = classify("Coalition wins the vote", POLITICS + sport + sport + sport);
		Topic beside = topic(both, "politics");

		assertThat(both.get(0).label()).isEqualTo("sport");
		assertThat(beside.score()).isLessThan(alone.score());
		assertThat(beside.confidence()).isEqualTo(alone.confidence());
	}

	@Test
	void aPrefixCueTakesAnyEndingAndAPhraseCountsOnlyWithItsWordsInARow() {
		assertThat(classify("Kettle sales", "Sales of kettles rose during the heat waves of the past month."))
			.extracting(Topic::label)
			.contains("weather");
		assertThat(classify("Kettle sales", "Sales of kettles rose with the heat. The waves of buyers did not stop."))
			.extracting(Topic::label)
			.doesNotContain("weather");
		assertThat(classify("A forecaster retires", "The forecasters said goodbye.")).extracting(Topic::label)
			.contains("weather");
	}

	@Test
	void aWholeWordCueDoesNotMatchALongerWord() {
		assertThat(classify("Colder", "Coldest evenings ahead.")).extracting(Topic::label).doesNotContain("weather");
		assertThat(classify("Cold", "A cold evening ahead.")).extracting(Topic::label).contains("weather");
	}

	@Test
	void aTextWithoutCuesHasNoTopics() {
		assertThat(classify("Hello", "Nothing here at all.")).isEmpty();
	}

	private static List<Topic> classify(String headline, String body) {
		return classifier.classify(segmenter.segment(new ArticleText(headline, body, "en")));
	}

	private static Topic topic(List<Topic> topics, String label) {
		return topics.stream()
			.filter((topic) -> topic.label().equals(label))
			.findFirst()
			.orElseThrow(() -> new AssertionError(label + " not among " + topics));
	}

}
