package io.pressline.platform.kafka;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import io.pressline.event.serde.AvroEventDeserializer;

/**
 * Settings for the Kafka clients a service makes by hand, beside the binder's: a
 * Server-Sent Events stream's consumer, the reader that restores a partition's state.
 * They come from the same {@code spring.kafka.*} settings as the binder's clients, so a
 * deployment's bootstrap servers, security protocol, SASL and TLS settings reach every
 * client, not only the binder's; only what the client's own job needs differs (no group,
 * its own deserializers).
 */
public class KafkaClients {

	private final KafkaProperties kafka;

	public KafkaClients(KafkaProperties kafka) {
		this.kafka = kafka;
	}

	/**
	 * The configuration of a consumer outside any group, reading committed records only.
	 * @param overrides what this consumer sets for itself
	 */
	public Map<String, Object> consumerConfiguration(Map<String, ?> overrides) {
		Map<String, Object> configuration = new HashMap<>(this.kafka.buildConsumerProperties());
		configuration.remove(ConsumerConfig.GROUP_ID_CONFIG);
		configuration.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
		configuration.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
		configuration.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		configuration.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		configuration.putAll(overrides);
		return configuration;
	}

	/**
	 * A reader of Pressline events for such a consumer: both framings, the registry's
	 * from the registry the service is configured with ({@code pressline.serde}).
	 */
	public AvroEventDeserializer events() {
		return AvroEventDeserializer.configuredBy(this.kafka.buildConsumerProperties());
	}

	/** A consumer outside any group, reading committed records only. */
	public <K, V> KafkaConsumer<K, V> consumer(Map<String, ?> overrides, Deserializer<K> keys, Deserializer<V> values) {
		return new KafkaConsumer<>(consumerConfiguration(overrides), keys, values);
	}

}
