package io.pressline.publish.stream;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StreamPositionTests {

	@Test
	void aPositionTravelsAsItsEventIdAndBack() {
		StreamPosition position = StreamPosition.of(Map.of(2, 30L, 0, 15L, 1, 7L));

		assertThat(position).hasToString("0:15,1:7,2:30");
		assertThat(StreamPosition.parse("0:15,1:7,2:30").offset(1)).isEqualTo(7L);
		assertThat(StreamPosition.parse("0:15,1:7,2:30").offset(3)).isNull();
	}

	@Test
	void readingARecordMovesOnlyItsPartitionPastIt() {
		StreamPosition position = StreamPosition.parse("0:15,1:7").after(1, 9);

		assertThat(position).hasToString("0:15,1:10");
	}

	@Test
	void anIdThisStreamDidNotWriteIsRefusedSayingWhatItExpects() {
		for (String bad : new String[] { "abc", "0:", ":4", "0:-1", "1:2,x" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> StreamPosition.parse(bad))
				.withMessageContaining("partition:offset pairs");
		}
	}

}
