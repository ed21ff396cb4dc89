package io.pressline.platform.draft;

import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DraftRulesTests {

	private final DraftRules rules = new DraftRules(1024);

	@Test
	void anEmbargoIsKeptToTheMillisecondAsTheEventsKeepIt() {
		Draft draft = this.rules.check("Headline", "Body", null, null, null, "2026-11-25T18:00:00.123456789+01:00");
		assertThat(draft.embargoUntil()).isEqualTo(Instant.parse("2026-11-25T17:00:00.123Z"));
	}

	@Test
	void acceptsACompleteDraftAndCleansItsFields() {
		Draft draft = this.rules.check("  Harbour crane toppled in storm ", "First paragraph.  \r\n\r\n\r\n\r\nSecond.",
				" By Ada Quill ", "Local-News", "EN", "2026-11-25T18:00:00+01:00");

		assertThat(draft.headline()).isEqualTo("Harbour crane toppled in storm");
		assertThat(draft.body()).isEqualTo("First paragraph.\n\nSecond.");
		assertThat(draft.byline()).isEqualTo("By Ada Quill");
		assertThat(draft.section()).isEqualTo("local-news");
		assertThat(draft.language()).isEqualTo("en");
		assertThat(draft.embargoUntil()).isEqualTo(Instant.parse("2026-11-25T17:00:00Z"));
	}

	@Test
	void optionalFieldsMayBeAbsent() {
		Draft draft = this.rules.check("Headline", "Body.", null, "", null, " ");

		assertThat(draft.byline()).isNull();
		assertThat(draft.section()).isNull();
		assertThat(draft.language()).isNull();
		assertThat(draft.embargoUntil()).isNull();
	}

	@ParameterizedTest(name = "{0} = ''{1}''")
	@CsvSource(delimiter = '|',
			value = { "headline|''", "headline|'   '", "body|''", "section|'Sport & Leisure'", "language|english",
					"language|xx", "embargoUntil|tomorrow", "embargoUntil|2026-11-25T18:00:00",
					"byline|'line one\nline two'" })
	void namesTheFieldThatBreaksARule(String field, String value) {
		String headline = field.equals("headline") ? value : "Headline";
		String body = field.equals("body") ? value : "Body.";
		String byline = field.equals("byline") ? value : null;
		String section = field.equals("section") ? value : null;
		String language = field.equals("language") ? value : null;
		String embargo = field.equals("embargoUntil") ? value : null;

		assertThatThrownBy(() -> this.rules.check(headline, body, byline, section, language, embargo))
			.isInstanceOfSatisfying(InvalidDraftException.class,
					(ex) -> assertThat(ex.errors()).extracting(FieldError::field).containsExactly(field));
	}

	@Test
	void reportsEveryBrokenFieldAtOnce() {
		assertThatThrownBy(() -> this.rules.check(null, null, null, null, "zz", null)).isInstanceOfSatisfying(
				InvalidDraftException.class, (ex) -> assertThat(ex.errors()).extracting(FieldError::field)
					.containsExactly("headline", "body", "language"));
	}

	@Test
	void aLegalHoldIsTrueOrFalseAndANoteHasALimit() {
		Draft held = this.rules.check("Headline", "Body.", null, null, null, null, " TRUE ", " Name corrected. ");

		assertThat(held.legalHold()).isTrue();
		assertThat(held.note()).isEqualTo("Name corrected.");
		assertThat(this.rules.check("Headline", "Body.", null, null, null, null, null, null).legalHold()).isFalse();
		assertThatThrownBy(
				() -> this.rules.check("Headline", "Body.", null, null, null, null, "maybe", "x".repeat(2001)))
			.isInstanceOfSatisfying(InvalidDraftException.class,
					(ex) -> assertThat(ex.errors()).extracting(FieldError::field).containsExactly("legalHold", "note"));
	}

	@Test
	void aHeadlineMustBeOneLineAndNotTooLong() {
		assertThatThrownBy(() -> this.rules.check("Two\nlines", "Body.", null, null, null, null))
			.hasMessageContaining("single line");
		assertThatThrownBy(() -> this.rules.check("x".repeat(301), "Body.", null, null, null, null))
			.hasMessageContaining("301 characters");
	}

	@Test
	void theBodyLimitCountsUtf8Bytes() {
		String atLimit = "é".repeat(512);
		String overLimit = atLimit + "e";

		assertThat(this.rules.check("Headline", atLimit, null, null, null, null).bodyBytes()).isEqualTo(1024);
		assertThatThrownBy(() -> this.rules.check("Headline", overLimit, null, null, null, null))
			.isInstanceOf(DraftTooLargeException.class)
			.hasMessageContaining("1024 bytes");
	}

	@Test
	void countsCharactersOutsideTheBasicPlaneAsFourBytes() {
		assertThat(Utf8.length("📰")).isEqualTo(4);
		assertThat(Utf8.length("a€")).isEqualTo(4);
	}

	@Test
	void bodiesAreNormalisedLikeTheRuleSaysWhateverMixOfSpacesAndLineEndsTheyHold() {
		// The rule in its plainest form, as two regular expressions, against the one-pass
		// version the service runs, on many random mixes of the characters that matter.
		Random random = new Random(20261125);
		String alphabet = "ab \t\u00A0\n\r";
		for (int run = 0; run < 20_000; run++) {
			StringBuilder body = new StringBuilder();
			int length = random.nextInt(24);
			for (int i = 0; i < length; i++) {
				body.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			String text = body.toString().replace("\r\n", "\n").replace('\r', '\n').strip();
			String expected = text.isEmpty() ? null
					: text.replaceAll("[ \\t\\u00A0]+\\n", "\n").replaceAll("\\n{3,}", "\n\n");
			assertThat(DraftRules.normaliseBody(body.toString())).as("body %s", body.toString().translateEscapes())
				.isEqualTo(expected);
		}
	}

}
