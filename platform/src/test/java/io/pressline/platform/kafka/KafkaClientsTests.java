package io.pressline.platform.kafka;

import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clients a service makes by hand (a Server-Sent Events stream's consumer, the reader
 * that restores a partition's state) take the deployment's Kafka settings as the binder's
 * clients do: the SASL/TLS overlay's environment reaches them too.
 */
class KafkaClientsTests {

	@Test
	void aConsumerMadeByHandTakesTheClustersSecuritySettings() {
		KafkaClients clients = new KafkaClients(kafka(Map.of("spring.kafka.bootstrap-servers", "kafka-1:29092",
				"spring.kafka.security.protocol", "SASL_SSL", "spring.kafka.properties.sasl.mechanism", "PLAIN",
				"spring.kafka.properties.sasl.jaas.config",
				"org.apache.kafka.common.security.plain.PlainLoginModule required username=\"p\" password=\"s\";",
				"spring.kafka.ssl.trust-store-location", "file:/etc/kafka/secrets/kafka.truststore.p12",
				"spring.kafka.ssl.trust-store-type", "PKCS12", "spring.kafka.ssl.trust-store-password", "secret")));

		Map<String, Object> configuration = clients
			.consumerConfiguration(Map.of(ConsumerConfig.CLIENT_ID_CONFIG, "event-stream-1"));

		assertThat(configuration)
			.containsEntry(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, java.util.List.of("kafka-1:29092"))
			.containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL")
			.containsEntry(SaslConfigs.SASL_MECHANISM, "PLAIN")
			.containsKey(SaslConfigs.SASL_JAAS_CONFIG)
			.containsEntry(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12")
			.containsEntry(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, "secret")
			.containsKey(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG)
			.containsEntry(ConsumerConfig.CLIENT_ID_CONFIG, "event-stream-1");
	}

	@Test
	void aConsumerMadeByHandJoinsNoGroupAndReadsCommittedRecordsOnly() {
		KafkaClients clients = new KafkaClients(kafka(Map.of("spring.kafka.consumer.group-id", "publish-service",
				"spring.kafka.consumer.isolation-level", "read-uncommitted")));

		Map<String, Object> configuration = clients.consumerConfiguration(Map.of());

		assertThat(configuration).doesNotContainKey(ConsumerConfig.GROUP_ID_CONFIG)
			.containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
			.containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
			.doesNotContainKey(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
	}

	private static KafkaProperties kafka(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bind("spring.kafka", KafkaProperties.class)
			.orElseGet(KafkaProperties::new);
	}

}
