package io.pressline.ingest.reenrichment;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LiveTrafficFirstTests {

	@Test
	void itWaitsAboveTheThresholdAndGoesOnOnlyAtHalfOfIt() {
		LiveTrafficFirst live = new LiveTrafficFirst(50);

		List<Boolean> answers = List.of(0L, 50L, 51L, 40L, 26L, 25L, 49L, 51L).stream().map(live::mayReplay).toList();

		assertThat(answers).containsExactly(true, true, false, false, false, true, true, false);
	}

	@Test
	void anUnknownBacklogWaits() {
		LiveTrafficFirst live = new LiveTrafficFirst(50);

		assertThat(live.mayReplay(-1)).isFalse();
		assertThat(live.mayReplay(10)).isTrue();
	}

}
