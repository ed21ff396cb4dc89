package io.pressline.platform.kafka;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import io.pressline.event.serde.WireFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SerdeSettingsTests {

	@Test
	void singleObjectUnlessTold() {
		SerdeSettings settings = bind(Map.of("pressline.serde.registry-url", ""));

		assertThat(settings.format()).isEqualTo(WireFormat.SINGLE_OBJECT);
		assertThat(settings.registryUrl()).isNull();
	}

	@Test
	void theRegistryFormatWithItsUrl() {
		SerdeSettings settings = bind(Map.of("pressline.serde.format", "registry", "pressline.serde.registry-url",
				"http://localhost:8085/apis/ccompat/v7"));

		assertThat(settings.format()).isEqualTo(WireFormat.REGISTRY);
		assertThat(settings.registryUrl()).hasToString("http://localhost:8085/apis/ccompat/v7");
	}

	@Test
	void theRegistryFormatWithoutAUrlNamesTheSetting() {
		assertThatThrownBy(() -> bind(Map.of("pressline.serde.format", "registry"))).isInstanceOf(BindException.class)
			.rootCause()
			.hasMessageContaining("pressline.serde.registry-url");
	}

	@Test
	void anUnknownFormatIsRefused() {
		assertThatThrownBy(() -> bind(Map.of("pressline.serde.format", "json"))).isInstanceOf(BindException.class)
			.hasMessageContaining("pressline.serde.format");
	}

	private static SerdeSettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("pressline.serde",
				SerdeSettings.class);
	}

}
