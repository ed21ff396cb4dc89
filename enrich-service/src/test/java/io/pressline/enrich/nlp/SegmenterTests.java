package io.pressline.enrich.nlp;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SegmenterTests {

	private static final Segmenter segmenter = Segmenter.english();

	private static final ArticleText ARTICLE = new ArticleText("Dam repairs finish early",
			"GENEVA — Engineers finished the repairs on Friday. The lake road reopens on Monday.\n\n"
					+ "“We are proud of the crews,” said Dr. Lena Varga. She thanked residents.",
			null);

	@Test
	void everyTokenPointsAtItsTextInTheArticle() {
		Document document = segmenter.segment(ARTICLE);

		List<Token> tokens = document.body().stream().flatMap((s) -> s.tokens().stream()).toList();
		assertThat(tokens).isNotEmpty()
			.allSatisfy((token) -> assertThat(document.text().substring(token.start(), token.end()))
				.isEqualTo(token.text()));
		assertThat(tokens).extracting(Token::text).contains("Engineers", "Friday", "Varga", "“", "”");
	}

	@Test
	void splitsSentencesWithinParagraphsButNeverAcrossThem() {
		Document document = segmenter.segment(ARTICLE);

		assertThat(document.headline()).hasSize(1);
		assertThat(document.body()).extracting((s) -> document.text().substring(s.start(), s.end()))
			.containsExactly("GENEVA — Engineers finished the repairs on Friday.", "The lake road reopens on Monday.",
					"“We are proud of the crews,” said Dr. Lena Varga.", "She thanked residents.");
	}

	@Test
	void splitsPossessivesCreditsAndAFinalFullStopFromNames() {
		Document document = segmenter.segment(
				new ArticleText("H", "Chile’s senate met. (Photo: Ana Ruiz/Pressline) He thanked Daniel Kerr.", null));

		List<String> tokens = document.body().stream().flatMap((s) -> s.tokens().stream()).map(Token::text).toList();
		assertThat(tokens).containsSubsequence("Chile", "’s", "senate");
		assertThat(tokens).containsSubsequence("Ruiz", "/", "Pressline");
		assertThat(tokens).containsSubsequence("Daniel", "Kerr", ".");
		assertThat(document.body()).allSatisfy((sentence) -> assertThat(sentence.tokens())
			.allSatisfy((t) -> assertThat(document.text().substring(t.start(), t.end())).isEqualTo(t.text())));
	}

	@Test
	void aBodyWithoutParagraphBreaksIsOneParagraph() {
		Document document = segmenter.segment(new ArticleText("H", "One sentence here. And another one.", null));

		assertThat(document.body()).hasSize(2);
	}

}
