package io.pressline.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** What {@code submit} reads from files, and the keys that make a rerun harmless. */
class DraftFilesTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	private Path folder;

	@Test
	void everyFormIsReadInNameOrderAndEachDraftIsOneNdjsonLineWithAKey() throws Exception {
		Files.writeString(this.folder.resolve("a.json"), "{\"headline\": \"One\", \"body\": \"First.\"}");
		Files.writeString(this.folder.resolve("b.json"),
				"[{\"headline\": \"Two\", \"body\": \"B.\"}, {\"headline\": \"Three\", \"body\": \"C.\", "
						+ "\"idempotencyKey\": \"wire-3\"}]");
		Files.writeString(this.folder.resolve("c.ndjson"),
				"{\"headline\": \"Four\", \"body\": \"D.\"}\n\n{\"headline\": \"Five\", \"body\": \"E.\"}\n");
		Files.createDirectories(this.folder.resolve("d"));
		Files.writeString(this.folder.resolve("d/six.txt"),
				"\nHarbour crane toppled\n\nBy Ada Quill\n\nA crane fell.\n\nNobody was hurt.\n");
		Files.writeString(this.folder.resolve("notes.md"), "not a draft");

		DraftFiles.Drafts drafts = DraftFiles.read(List.of(this.folder));

		assertThat(drafts.drafts()).extracting((d) -> this.json.readTree(d.json()).get("headline").asString())
			.containsExactly("One", "Two", "Three", "Four", "Five", "Harbour crane toppled");
		assertThat(drafts.drafts()).extracting(DraftFiles.Draft::json).noneMatch((line) -> line.contains("\n"));
		assertThat(drafts.drafts()).extracting(DraftFiles.Draft::source)
			.containsExactly(this.folder.resolve("a.json").toString(), this.folder.resolve("b.json") + "[0]",
					this.folder.resolve("b.json") + "[1]", this.folder.resolve("c.ndjson") + ":1",
					this.folder.resolve("c.ndjson") + ":3", this.folder.resolve("d/six.txt").toString());
		assertThat(drafts.drafts().get(2).key()).isEqualTo("wire-3");
		assertThat(drafts.drafts()).extracting(DraftFiles.Draft::key).doesNotHaveDuplicates();
		JsonNode text = this.json.readTree(drafts.drafts().get(5).json());
		assertThat(text.get("byline").asString()).isEqualTo("By Ada Quill");
		assertThat(text.get("body").asString()).isEqualTo("A crane fell.\n\nNobody was hurt.");
		assertThat(text.get("idempotencyKey").asString()).isEqualTo(drafts.drafts().get(5).key());
		assertThat(drafts.skipped()).isEqualTo(1);
		assertThat(drafts.unreadable()).isEmpty();
	}

	@Test
	void theSameDraftGetsTheSameKeyInEveryRunAndAnotherDraftAnother() throws Exception {
		Files.writeString(this.folder.resolve("a.json"), "{\"headline\": \"One\", \"body\": \"First.\"}");
		Files.writeString(this.folder.resolve("copy.ndjson"),
				"{\"headline\": \"One\", \"body\": \"First.\"}\n" + "{\"headline\": \"One\", \"body\": \"First!\"}\n");

		List<DraftFiles.Draft> first = DraftFiles.read(List.of(this.folder)).drafts();
		List<DraftFiles.Draft> second = DraftFiles.read(List.of(this.folder)).drafts();

		assertThat(first).extracting(DraftFiles.Draft::key)
			.isEqualTo(second.stream().map(DraftFiles.Draft::key).toList());
		assertThat(first.get(1).key()).isEqualTo(first.get(0).key());
		assertThat(first.get(2).key()).isNotEqualTo(first.get(0).key()).startsWith("draft-sha256-").hasSize(77);
	}

	@Test
	void whatIsNoDraftIsListedWithWhereItIs() throws Exception {
		Files.writeString(this.folder.resolve("bad.ndjson"),
				"{\"headline\": \"Ok\", \"body\": \"B.\"}\nnot json\n42\n");
		Files.writeString(this.folder.resolve("broken.json"), "{\"headline\": ");
		Files.write(this.folder.resolve("latin1.txt"),
				"Caf\u00e9\n\nBody".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

		DraftFiles.Drafts drafts = DraftFiles.read(List.of(this.folder));

		assertThat(drafts.drafts()).hasSize(1);
		assertThat(drafts.unreadable()).extracting(DraftFiles.Failure::source)
			.containsExactlyInAnyOrder(this.folder.resolve("bad.ndjson") + ":2",
					this.folder.resolve("bad.ndjson") + ":3", this.folder.resolve("broken.json").toString(),
					this.folder.resolve("latin1.txt").toString());
		assertThat(drafts.unreadable()).extracting(DraftFiles.Failure::reason).allMatch((r) -> !r.isBlank());
	}

	@Test
	void aPathThatDoesNotExistIsAClearError() {
		assertThatIllegalArgumentException().isThrownBy(() -> DraftFiles.read(List.of(this.folder.resolve("nope"))))
			.withMessageContaining("nope");
	}

	@Test
	void theProgressLineHasTheCountTheRateAndTheTimeLeft() {
		SubmitProgress progress = new SubmitProgress(System.err, false, 1000);

		assertThat(progress.line(250, 3, 5.0)).isEqualTo("250/1000 drafts, 3 failed, 50/s, ETA 15 s");
		assertThat(progress.line(100, 0, 10.0)).isEqualTo("100/1000 drafts, 0 failed, 10/s, ETA 1m30s");
		assertThat(progress.line(1000, 0, 20.0)).endsWith("done");
	}

	@Test
	void batchSizesAreReadWithTheirUnit() {
		assertThat(BulkSubmitter.bytes("4MB")).isEqualTo(4L * 1024 * 1024);
		assertThat(BulkSubmitter.bytes("512kb")).isEqualTo(512L * 1024);
		assertThat(BulkSubmitter.bytes("2048")).isEqualTo(2048);
		assertThatIllegalArgumentException().isThrownBy(() -> BulkSubmitter.bytes("lots"));
	}

}
