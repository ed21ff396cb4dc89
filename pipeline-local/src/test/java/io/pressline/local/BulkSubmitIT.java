package io.pressline.local;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pressline.testing.KafkaTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code submit} command against the running pipeline: the drafts of a folder are
 * published, the bad ones listed with where they are, and a second run submits nothing
 * again.
 */
@KafkaTest
class BulkSubmitIT {

	@TempDir
	private Path folder;

	private PipelineClient client;

	private LocalPipeline pipeline;

	@BeforeEach
	void pipeline() {
		this.pipeline = RunningPipeline.get();
		this.client = new PipelineClient(this.pipeline);
	}

	@Test
	void aFolderOfDraftsIsPublishedOnceAndARerunSubmitsNothingTwice() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		// The samples, each made new to this run by its headline.
		try (var samples = Files.list(Path.of("../samples"))) {
			for (Path sample : samples.filter((p) -> p.toString().endsWith(".txt")).toList()) {
				Files.writeString(this.folder.resolve(sample.getFileName()), run + " " + Files.readString(sample));
			}
		}
		Files.writeString(this.folder.resolve("wire.ndjson"),
				"{\"headline\": \"" + run + " Tram line reopens\", \"body\": \"Services resume on Monday.\"}\n"
						+ "{\"headline\": \"" + run + " No body\"}\n" + "not json\n");

		Outcome first = submit();

		int drafts = (int) Files.list(this.folder).filter((p) -> p.toString().endsWith(".txt")).count() + 1;
		assertThat(first.exitCode()).isEqualTo(1);
		assertThat(first.summary().submitted()).hasSize(drafts);
		assertThat(first.summary().failures()).extracting(DraftFiles.Failure::source)
			.containsExactlyInAnyOrder(this.folder.resolve("wire.ndjson") + ":2",
					this.folder.resolve("wire.ndjson") + ":3");
		assertThat(first.summary()
			.failures()
			.stream()
			.filter((f) -> f.source().endsWith(":2"))
			.findFirst()
			.orElseThrow()
			.reason()).startsWith("422");
		assertThat(first.out()).contains(drafts + " submitted", "FAILED " + this.folder.resolve("wire.ndjson") + ":2");
		assertThat(first.err()).contains("drafts, 2 failed");
		for (String id : first.summary().submitted().values()) {
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(this.client.stage(id)).isEqualTo("PUBLISHED"));
		}

		Outcome again = submit();

		assertThat(again.summary().submitted()).isEmpty();
		assertThat(again.summary().replayed()).isEqualTo(first.summary().submitted());
		assertThat(again.summary().failures()).hasSize(2);
	}

	private Outcome submit() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		BulkSubmitter submitter = new BulkSubmitter(this.pipeline.url("ingest-service"), this.pipeline.editorKey(), 3,
				4 * 1024 * 1024, new PrintStream(err, true, StandardCharsets.UTF_8), false);
		BulkSubmitter.Summary summary = submitter.submit(DraftFiles.read(List.of(this.folder)));
		new PrintStream(out, true, StandardCharsets.UTF_8).print(summary.describe());
		return new Outcome(summary.failures().isEmpty() ? 0 : 1, summary, out.toString(StandardCharsets.UTF_8),
				err.toString(StandardCharsets.UTF_8));
	}

	private record Outcome(int exitCode, BulkSubmitter.Summary summary, String out, String err) {
	}

}
