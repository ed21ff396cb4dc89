package io.pressline.platform.kafka;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.pressline.event.serde.WireFormat;

/**
 * How the services frame the Avro of the records they write ({@code pressline.serde}).
 * The serializers and deserializers that Kafka makes read the same two settings from
 * {@code spring.kafka.producer.properties} and {@code spring.kafka.consumer.properties},
 * where {@code pressline-defaults.yml} copies them; this class checks them when a service
 * starts, so a registry format without a registry stops it with both settings named,
 * before any record is written.
 *
 * @param format {@code single-object} (the default) or {@code registry}
 * @param registryUrl a registry speaking the Confluent REST API, for example
 * {@code http://localhost:8085/apis/ccompat/v7}: where the schemas are registered under
 * the registry format, and read from for records framed so under either format
 */
@ConfigurationProperties("pressline.serde")
public record SerdeSettings(@DefaultValue("single-object") WireFormat format, URI registryUrl) {

	public SerdeSettings {
		if (registryUrl != null && registryUrl.toString().isBlank()) {
			registryUrl = null;
		}
		if (format == WireFormat.REGISTRY && registryUrl == null) {
			throw new IllegalArgumentException("pressline.serde.format=registry needs the registry's URL in "
					+ "pressline.serde.registry-url (PRESSLINE_SERDE_REGISTRY_URL), for example "
					+ "http://localhost:8085/apis/ccompat/v7");
		}
		if (registryUrl != null && !"http".equals(registryUrl.getScheme())
				&& !"https".equals(registryUrl.getScheme())) {
			throw new IllegalArgumentException(
					"pressline.serde.registry-url must be an http or https URL, not '" + registryUrl + "'");
		}
	}

}
