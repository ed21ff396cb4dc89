package io.pressline.ingest.reenrichment;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunMarkTests {

	private final RunMark mark = new RunMark("run-7", 10, 40, Instant.parse("2026-12-03T18:00:00Z"));

	@Test
	void itTravelsInAnOffsetsMetadataAndBack() {
		assertThat(RunMark.decode(this.mark.encode())).hasValue(this.mark);
		assertThat(this.mark.encode()).hasSizeLessThan(200);
	}

	@Test
	void metadataOfAnythingElseIsNoMark() {
		assertThat(RunMark.decode(null)).isEmpty();
		assertThat(RunMark.decode("")).isEmpty();
		assertThat(RunMark.decode("pressline-reenrichment run=x from=one")).isEmpty();
	}

	@Test
	void doneAndRemainingCountFromTheRunsStartToItsEnd() {
		assertThat(this.mark.done(10)).isZero();
		assertThat(this.mark.remaining(10)).isEqualTo(30);
		assertThat(this.mark.done(25)).isEqualTo(15);
		assertThat(this.mark.remaining(25)).isEqualTo(15);
		// Compaction may have moved the partition's start past where the run began.
		assertThat(this.mark.done(3)).isZero();
		assertThat(this.mark.done(45)).isEqualTo(30);
		assertThat(this.mark.remaining(45)).isZero();
	}

}
