package io.pressline.platform.draft;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DraftReaderTests {

	private final DraftReader reader = new DraftReader(new DraftRules(1024 * 1024), JsonMapper.builder().build());

	@Test
	void readsTheJsonForm() {
		Draft draft = this.reader.readJson(utf8("""
				{"headline": "Ferry strike ends", "body": "Crews return on Monday.", "section": "business",
				 "embargoUntil": "2026-12-01T06:00:00Z"}
				"""));

		assertThat(draft.headline()).isEqualTo("Ferry strike ends");
		assertThat(draft.body()).isEqualTo("Crews return on Monday.");
		assertThat(draft.section()).isEqualTo("business");
		assertThat(draft.embargoUntil()).hasToString("2026-12-01T06:00:00Z");
	}

	@Test
	void readsPlainTextWithTheHeadlineOnTheFirstNonEmptyLine() {
		Draft draft = this.reader.readText(utf8("\n\nFerry strike ends\n\nBy Ada Quill\n\nCrews return.\n\nMore.\n"),
				Map.of("section", "business"));

		assertThat(draft.headline()).isEqualTo("Ferry strike ends");
		assertThat(draft.byline()).isEqualTo("By Ada Quill");
		assertThat(draft.body()).isEqualTo("Crews return.\n\nMore.");
		assertThat(draft.section()).isEqualTo("business");
	}

	@Test
	void aSentenceStartingWithByIsBodyNotByline() {
		Draft draft = this.reader.readText(utf8("Ferry strike ends\n\nBy Monday the crews were back at work.\n"),
				Map.of());

		assertThat(draft.byline()).isNull();
		assertThat(draft.body()).startsWith("By Monday");
	}

	@Test
	void aTextWithOnlyAHeadlineHasNoBody() {
		assertThatThrownBy(() -> this.reader.readText(utf8("Just a headline\n\n"), Map.of())).isInstanceOfSatisfying(
				InvalidDraftException.class,
				(ex) -> assertThat(ex.errors()).extracting(FieldError::field).containsExactly("body"));
	}

	@Test
	void refusesMalformedUtf8() {
		byte[] bytes = { 'H', 'i', '\n', '\n', (byte) 0xC3, (byte) 0x28 };

		assertThatThrownBy(() -> this.reader.readText(bytes, Map.of())).isInstanceOf(MalformedDraftException.class)
			.hasMessageContaining("not valid UTF-8");
	}

	@Test
	void refusesMalformedJsonSayingWhere() {
		assertThatThrownBy(() -> this.reader.readJson(utf8("{\"headline\": \"x\",\n \"body\": }")))
			.isInstanceOf(MalformedDraftException.class)
			.hasMessageContaining("Malformed JSON at line 2");
	}

	@Test
	void refusesUnknownFieldsByName() {
		assertThatThrownBy(() -> this.reader.readJson(utf8("{\"heading\": \"x\", \"body\": \"y\"}")))
			.isInstanceOfSatisfying(MalformedDraftException.class, (ex) -> assertThat(ex.field()).isEqualTo("heading"));
	}

	@Test
	void refusesAFieldOfTheWrongType() {
		assertThatThrownBy(() -> this.reader.readJson(utf8("{\"headline\": [\"x\"], \"body\": \"y\"}")))
			.isInstanceOfSatisfying(MalformedDraftException.class,
					(ex) -> assertThat(ex.field()).isEqualTo("headline"));
	}

	@Test
	void refusesJsonThatIsNotAnObject() {
		assertThatThrownBy(() -> this.reader.readJson(utf8("[1, 2]"))).isInstanceOf(MalformedDraftException.class)
			.hasMessageContaining("object");
		assertThatThrownBy(() -> this.reader.readJson(utf8("null"))).isInstanceOf(MalformedDraftException.class);
	}

	@Test
	void ignoresAByteOrderMark() {
		Draft draft = this.reader.readText(utf8("\uFEFFHeadline\n\nBody."), Map.of());

		assertThat(draft.headline()).isEqualTo("Headline");
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
