package io.pressline.local;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The launcher's --instances, its ports for several instances and its restart flags. */
class LauncherOptionsTests {

	@Test
	void instancesNameServicesByTheirShortOrFullNames() {
		assertThat(PresslineLocal.instances("enrich=2,publish=3"))
			.isEqualTo(Map.of(Service.ENRICH, 2, Service.PUBLISH, 3));
		assertThat(PresslineLocal.instances(" ingest-service = 2 ")).isEqualTo(Map.of(Service.INGEST, 2));
		assertThat(PresslineLocal.instances("")).isEmpty();
	}

	@Test
	void instancesRefuseUnknownServicesAndCountsOutOfRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> PresslineLocal.instances("enrichment=2"))
			.withMessageContaining("ingest, enrich or publish");
		assertThatIllegalArgumentException().isThrownBy(() -> PresslineLocal.instances("enrich=0"))
			.withMessageContaining("1 to 16");
		assertThatIllegalArgumentException().isThrownBy(() -> PresslineLocal.instances("enrich"))
			.withMessageContaining("1 to 16");
	}

	@Test
	void oneInstanceEachKeepsTheDefaultPorts() {
		assertThat(LocalPipeline.ports(Map.of(), Map.of())).isEqualTo(
				Map.of(Service.INGEST, List.of(8081), Service.ENRICH, List.of(8082), Service.PUBLISH, List.of(8083)));
	}

	@Test
	void instancesTakeConsecutivePortsAndDefaultsMoveOnPastThem() {
		assertThat(LocalPipeline.ports(Map.of(), Map.of(Service.ENRICH, 2, Service.PUBLISH, 2)))
			.isEqualTo(Map.of(Service.INGEST, List.of(8081), Service.ENRICH, List.of(8082, 8083), Service.PUBLISH,
					List.of(8084, 8085)));
		assertThat(LocalPipeline.ports(Map.of(Service.INGEST, 9001), Map.of(Service.INGEST, 3)))
			.isEqualTo(Map.of(Service.INGEST, List.of(9001, 9002, 9003), Service.ENRICH, List.of(9004), Service.PUBLISH,
					List.of(9005)));
	}

	@Test
	void givenPortsAreKeptAndACollisionIsAClearError() {
		assertThat(LocalPipeline.ports(Map.of(Service.PUBLISH, 9100), Map.of(Service.ENRICH, 2)).get(Service.PUBLISH))
			.containsExactly(9100);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalPipeline.ports(Map.of(Service.ENRICH, 8081), Map.of()))
			.withMessage("enrich-service-1 would take port 8081, which ingest-service-1 has: "
					+ "give --enrich-port another first port");
	}

	@Test
	void portZeroGivesEveryInstanceAFreePort() {
		List<Integer> ports = LocalPipeline.ports(Map.of(Service.ENRICH, 0), Map.of(Service.ENRICH, 3))
			.get(Service.ENRICH);
		assertThat(ports).hasSize(3).doesNotHaveDuplicates().allSatisfy((port) -> assertThat(port).isPositive());
	}

	@Test
	void restartFlagsReadCountsAndDurations() {
		assertThat(PresslineLocal.countFlag(Map.of("max-restarts", "0"), "max-restarts", 5)).isZero();
		assertThat(PresslineLocal.durationFlag(Map.of("restart-window", "90s"), "restart-window"))
			.isEqualTo(Duration.ofSeconds(90));
		assertThat(PresslineLocal.durationFlag(Map.of("restart-window", "10m"), "restart-window"))
			.isEqualTo(Duration.ofMinutes(10));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PresslineLocal.durationFlag(Map.of("restart-window", "ten"), "restart-window"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PresslineLocal.countFlag(Map.of("max-restarts", "-1"), "max-restarts", 5));
	}

}
