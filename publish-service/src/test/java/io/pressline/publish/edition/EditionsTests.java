package io.pressline.publish.edition;

import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.pressline.event.ArticleEnriched;
import io.pressline.event.ArticlePublished;
import io.pressline.event.ArticleSubmitted;
import io.pressline.event.Enrichment;
import io.pressline.event.PublicationEventType;
import io.pressline.event.SubmissionAction;
import io.pressline.event.serde.EventSchemas;
import io.pressline.publish.rules.Decision;

import static org.assertj.core.api.Assertions.assertThat;

class EditionsTests {

	@BeforeAll
	static void trustTheEventClasses() {
		// Avro instantiates the generated enums for builder defaults only once trusted.
		EventSchemas.trust();
	}

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	private final Editions editions = new Editions("https://news.example.org/");

	@Test
	void theSlugIsTheHeadlineInPlainAsciiWithTheStartOfTheId() {
		assertThat(Editions.slug("Zürich’s trams: 40% fewer delays in 2026!", "9B0C1D2E-7777-4444"))
			.isEqualTo("zurich-s-trams-40-fewer-delays-in-2026-9b0c1d2e");
	}

	@Test
	void aLongHeadlineIsCutAtAWord() {
		String slug = Editions.slug("word ".repeat(40), "abc");

		assertThat(slug).endsWith("-word-abc").hasSizeLessThanOrEqualTo(84);
	}

	@Test
	void theHtmlBodyEscapesEverythingADraftContains() {
		String html = Editions.html("Fares rise <script>alert('x')</script> & more.\nSecond line.\n\n\"Quoted\" end.");

		assertThat(html).isEqualTo("<p>Fares rise &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more."
				+ "<br>Second line.</p>\n<p>&quot;Quoted&quot; end.</p>\n");
		assertThat(html).doesNotContain("<script");
	}

	@Test
	void paragraphsArePartedByABlankLineWhateverBlanksItHolds() {
		assertThat(Editions.html("  One\n \t\r\n  Two \n\n\n\nThree\n\u2003\nstill three\n\n \n"))
			.isEqualTo("<p>One</p>\n<p>Two</p>\n<p>Three<br>\u2003<br>still three</p>\n");
		assertThat(Editions.html(" \n\n \t ")).isEmpty();
	}

	@Test
	void theHtmlBodyIsWhatTheParagraphRuleAndEscapingGiveForAnyText() {
		// The rule as it was first written, with a regular expression, against the scan
		// that replaced it: the same HTML for random texts of the characters that matter.
		char[] alphabet = { 'a', 'Z', ' ', '\t', '\n', '\n', '\n', '\r', '\f', '\u000B', '\u2003', '\u00A0', '\u001C',
				'&', '<', '>', '"', '\'', '\u00E9', '\u2019' };
		java.util.Random random = new java.util.Random(16);
		for (int run = 0; run < 20_000; run++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(40);
			for (int i = 0; i < length; i++) {
				text.append(alphabet[random.nextInt(alphabet.length)]);
			}
			assertThat(Editions.html(text.toString())).as("html of %s", text.toString().chars().boxed().toList())
				.isEqualTo(htmlByRegularExpression(text.toString()));
		}
	}

	private static String htmlByRegularExpression(String body) {
		StringBuilder html = new StringBuilder();
		for (String paragraph : java.util.regex.Pattern.compile("\\n\\s*\\n").split(body.strip())) {
			if (paragraph.isBlank()) {
				continue;
			}
			html.append("<p>")
				.append(paragraph.strip()
					.replace("&", "&amp;")
					.replace("<", "&lt;")
					.replace(">", "&gt;")
					.replace("\"", "&quot;")
					.replace("'", "&#39;")
					.replace("\n", "<br>"))
				.append("</p>\n");
		}
		return html.toString();
	}

	@Test
	void aCorrectionKeepsTheFirstSlugAndCarriesItsNote() {
		ArticlePublished first = this.editions.edition(enriched(1, "Bridge closes", null),
				new Decision.Publish(PublicationEventType.PUBLISHED, NOW, "local"), null, NOW);

		ArticlePublished correction = this.editions.edition(enriched(2, "Bridge closes for a week", "Dates fixed."),
				new Decision.Publish(PublicationEventType.CORRECTED, NOW, "local"), first, NOW.plusSeconds(60));

		assertThat(first.getSlug()).isEqualTo("bridge-closes-a1");
		assertThat(first.getCanonicalUrl()).isEqualTo("https://news.example.org/local/bridge-closes-a1");
		assertThat(correction.getSlug()).isEqualTo(first.getSlug());
		assertThat(correction.getHeadline()).isEqualTo("Bridge closes for a week");
		assertThat(correction.getNote()).isEqualTo("Dates fixed.");
		assertThat(correction.getFirstPublishedAt()).isEqualTo(NOW);
		assertThat(correction.getPublishedAt()).isEqualTo(NOW.plusSeconds(60));
	}

	@Test
	void aRetractionKeepsTheAddressAndDropsTheText() {
		ArticlePublished live = this.editions.edition(enriched(1, "Bridge closes", null),
				new Decision.Publish(PublicationEventType.PUBLISHED, NOW, "local"), null, NOW);
		ArticleSubmitted retraction = ArticleSubmitted.newBuilder(enriched(2, "", null).getSubmission())
			.setAction(SubmissionAction.RETRACT)
			.setBody("")
			.setNote("Legal complaint upheld.")
			.build();

		ArticlePublished gone = this.editions.retraction(retraction, enrichment(), live, NOW.plusSeconds(5));

		assertThat(gone.getEventType()).isEqualTo(PublicationEventType.RETRACTED);
		assertThat(gone.getVersion()).isEqualTo(2);
		assertThat(gone.getCanonicalUrl()).isEqualTo(live.getCanonicalUrl());
		assertThat(gone.getHeadline()).isEqualTo("Bridge closes");
		assertThat(gone.getBody()).isEmpty();
		assertThat(gone.getBodyHtml()).isEmpty();
		assertThat(gone.getNote()).isEqualTo("Legal complaint upheld.");
	}

	private static ArticleEnriched enriched(int version, String headline, String note) {
		return ArticleEnriched.newBuilder()
			.setSubmission(ArticleSubmitted.newBuilder()
				.setArticleId("a1")
				.setVersion(version)
				.setHeadline(headline)
				.setBody("The bridge closes on Monday.")
				.setNote(note)
				.setSubmittedAt(NOW)
				.build())
			.setEnrichment(enrichment())
			.build();
	}

	private static Enrichment enrichment() {
		return Enrichment.newBuilder()
			.setEngine("test")
			.setLanguage("en")
			.setLanguageConfidence(1)
			.setWordCount(5)
			.setSentenceCount(1)
			.setReadingTimeSeconds(2)
			.setEnrichedAt(NOW)
			.build();
	}

}
