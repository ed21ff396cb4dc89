package io.pressline.platform.deadletter;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which offsets an idle consumer moves past the commit markers. */
class CaughtUpOffsetsTests {

	private static final TopicPartition ZERO = new TopicPartition("articles.submitted", 0);

	private static final TopicPartition ONE = new TopicPartition("articles.submitted", 1);

	private static final TopicPartition TWO = new TopicPartition("articles.submitted", 2);

	@Test
	void aPositionPastTheCommittedOffsetIsCommittedWithItsMetadataKept() {
		Map<TopicPartition, OffsetAndMetadata> past = CaughtUpOffsets.pastMarkers(Map.of(ZERO, 42L),
				Map.of(ZERO, new OffsetAndMetadata(41, "noted")));

		assertThat(past).containsExactly(Map.entry(ZERO, new OffsetAndMetadata(42, "noted")));
	}

	@Test
	void partitionsAtTheirCommittedOffsetOrNeverCommittedAreLeftAlone() {
		Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
		committed.put(ZERO, new OffsetAndMetadata(10));
		committed.put(ONE, null);

		Map<TopicPartition, OffsetAndMetadata> past = CaughtUpOffsets.pastMarkers(Map.of(ZERO, 10L, ONE, 5L, TWO, 7L),
				committed);

		assertThat(past).isEmpty();
	}

	@Test
	void aPositionBehindTheCommittedOffsetIsNeverCommitted() {
		// After a seek back (a batch read again), the group's offset must not go back.
		Map<TopicPartition, OffsetAndMetadata> past = CaughtUpOffsets.pastMarkers(Map.of(ZERO, 3L),
				Map.of(ZERO, new OffsetAndMetadata(8)));

		assertThat(past).isEmpty();
	}

}
