package io.pressline.platform.batch;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.stream.binder.ConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.support.ConsumerConfigCustomizer;
import org.springframework.cloud.stream.config.BindingServiceProperties;

/**
 * Gives the consumer of every input binding in batch mode
 * ({@code spring.cloud.stream.bindings.<name>.consumer.batch-mode}) the batch size and
 * linger of {@link BatchSettings}. Other bindings keep Kafka's settings.
 */
public class BatchConsumerSettings implements ConsumerConfigCustomizer {

	private final BatchSettings settings;

	private final ObjectProvider<BindingServiceProperties> bindings;

	public BatchConsumerSettings(BatchSettings settings, ObjectProvider<BindingServiceProperties> bindings) {
		this.settings = settings;
		this.bindings = bindings;
	}

	@Override
	public void configure(Map<String, Object> consumerProperties, String bindingName, String destination) {
		BindingServiceProperties properties = this.bindings.getIfAvailable();
		ConsumerProperties consumer = (properties != null && bindingName != null)
				? properties.getConsumerProperties(bindingName) : null;
		if (consumer == null || !consumer.isBatchMode()) {
			return;
		}
		consumerProperties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, this.settings.maxRecords());
		if (!this.settings.linger().isZero()) {
			consumerProperties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) this.settings.linger().toMillis());
			consumerProperties.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, (int) this.settings.lingerBytes().toBytes());
		}
	}

}
