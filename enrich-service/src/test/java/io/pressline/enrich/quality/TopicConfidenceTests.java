package io.pressline.enrich.quality;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.pressline.enrich.nlp.Segmenter;
import io.pressline.enrich.nlp.meta.Topic;
import io.pressline.enrich.nlp.meta.TopicClassifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A topic's confidence means what it says: of the topics reported with confidence about
 * 0.7, about seven in ten are topics the annotators gave the article. Checked on the
 * articles the curve was fitted to and on the blind half, which it was not.
 */
class TopicConfidenceTests {

	private static final int BINS = 5;

	private final TopicClassifier classifier = TopicClassifier.iptc();

	private final Segmenter segmenter = Segmenter.english();

	@ParameterizedTest
	@EnumSource(value = GoldSet.Part.class, names = { "FIRST", "DEV", "BLIND" })
	void confidenceIsHowOftenAReportedTopicIsRight(GoldSet.Part part) {
		List<Judged> judged = new ArrayList<>();
		for (GoldArticle article : GoldSet.load(part)) {
			for (Topic topic : this.classifier.classify(this.segmenter.segment(article.article()))) {
				judged.add(new Judged(topic.confidence(), article.topics().contains(topic.label())));
			}
		}

		// measured on 2026-12-03: calibration error 0.064 (FIRST), 0.037 (DEV), 0.051
		// (BLIND)
		assertThat(calibrationError(judged)).as("expected calibration error on %s", part).isLessThan(0.1);
		assertThat(precision(judged, 0.8, 1.01)).as("precision of the sure topics").isGreaterThanOrEqualTo(0.9);
		assertThat(precision(judged, 0, 0.5)).as("precision of the unsure topics").isLessThan(0.5);
	}

	/** The gap between confidence and precision, bin by bin, weighted by bin size. */
	private static double calibrationError(List<Judged> judged) {
		double error = 0;
		for (int bin = 0; bin < BINS; bin++) {
			double from = (double) bin / BINS;
			double to = (bin == BINS - 1) ? 1.01 : (double) (bin + 1) / BINS;
			List<Judged> in = judged.stream().filter((j) -> j.confidence() >= from && j.confidence() < to).toList();
			if (!in.isEmpty()) {
				double confidence = in.stream().mapToDouble(Judged::confidence).average().orElseThrow();
				error += Math.abs(confidence - precision(in, 0, 1.01)) * in.size() / judged.size();
			}
		}
		return error;
	}

	private static double precision(List<Judged> judged, double from, double to) {
		List<Judged> in = judged.stream().filter((j) -> j.confidence() >= from && j.confidence() < to).toList();
		assertThat(in).as("topics with confidence in [%s, %s)", from, to).isNotEmpty();
		return (double) in.stream().filter(Judged::right).count() / in.size();
	}

	private record Judged(double confidence, boolean right) {
	}

}
