package io.pressline.platform.kafka;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import org.springframework.cloud.stream.binder.Binder;
import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.cloud.stream.binder.kafka.KafkaMessageChannelBinder;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.StringUtils;

import io.pressline.event.serde.EncodedEvent;

/**
 * Writes a record to an output binding's topic, keyed, with the headers given as they
 * are. Inside a Kafka transaction of the binder's transactional producer (the one a
 * listener container opens for a batch, or {@code BinderTransactions}), the record goes
 * straight to that transaction's producer, so it commits or aborts with the records read
 * and their offsets: the producer's own serializers write it, as the binder's native
 * encoding does ({@code pressline.serde}), without the message building, channel and
 * conversion steps of {@link StreamBridge}, which the load profile showed costing several
 * times the producer's own send. Anywhere else (no transaction, a service without
 * transactions, a binder other than Kafka's in the binding tests) the record goes through
 * {@link StreamBridge} as before; so does the first record to a destination that is no
 * configured binding (a section's topic), which StreamBridge binds, making its topic as
 * the binder does where it is missing; that one record also carries the
 * {@code message-type} and {@code spring_json_header_types} headers StreamBridge adds.
 *
 * <p>
 * The destination is the binding's
 * ({@code spring.cloud.stream.bindings.<name>.destination}), or the name itself for a
 * binding not configured, as {@link StreamBridge} takes it. The direct send is observed
 * like the binder's own when {@code spring.cloud.stream.kafka.binder.enable-observation}
 * is on, so each record still carries its {@code traceparent}. Headers are written as
 * given: values of {@code byte[]} as they are, strings as UTF-8, as the binder's header
 * mapper passes them.
 */
public class BindingRecords {

	private final BinderFactory binders;

	private final StreamBridge bridge;

	private final BindingServiceProperties bindings;

	private final ApplicationContext context;

	private final boolean observed;

	/** The topics of the bindings known to be bound, by binding name. */
	private final Map<String, String> topics = new ConcurrentHashMap<>();

	private volatile Direct direct;

	/**
	 * @param binders where the binder and its transactional producers come from
	 * @param bridge the way outside a transaction of the binder's producers
	 * @param bindings the bindings' destinations
	 * @param context what the direct sends' observations take their registry from
	 * @param observed whether the direct sends are observed (traced, timed), as the
	 * binder's are with {@code enable-observation}
	 */
	public BindingRecords(BinderFactory binders, StreamBridge bridge, BindingServiceProperties bindings,
			ApplicationContext context, boolean observed) {
		this.binders = binders;
		this.bridge = bridge;
		this.bindings = bindings;
		this.context = context;
		this.observed = observed;
	}

	/**
	 * Writes a record.
	 * @param binding the output binding, or a topic to bind on first use
	 * @param key the record's key (an article id)
	 * @param value the event (an {@link EncodedEvent} for one written to several topics),
	 * or {@code null} for a tombstone
	 * @param headers the record's headers, each {@code byte[]} or text
	 * @throws IllegalStateException when the record could not be handed to Kafka
	 */
	public void send(String binding, String key, Object value, Map<String, ?> headers) {
		Direct direct = direct();
		String topic = (direct != null) ? directTopic(binding) : null;
		if (topic != null && TransactionSynchronizationManager.getResource(direct.producers()) != null) {
			direct.template().send(record(topic, key, value, headers));
			return;
		}
		// StreamBridge gets the event itself: a binder without native encoding (the test
		// binder) converts what it is given, and knows nothing of an encoded event.
		Object payload = (value instanceof EncodedEvent<?> encoded) ? encoded.event() : value;
		Message<Object> message = MessageBuilder.withPayload((payload != null) ? payload : KafkaNull.INSTANCE)
			.copyHeaders(headers)
			.setHeader(KafkaHeaders.KEY, key)
			.build();
		if (!this.bridge.send(binding, message)) {
			throw new IllegalStateException("Kafka did not take the record of " + key + " for " + binding);
		}
		// A destination StreamBridge bound on the way (a new section's topic, say) now
		// exists: the next records go straight to it.
		this.topics.putIfAbsent(binding, binding);
	}

	/**
	 * The topic of a binding whose destination is bound: a configured binding's
	 * destination (bound when the service starts,
	 * {@code spring.cloud.stream.output-bindings}), or the name of one StreamBridge
	 * bound; {@code null} for one not bound yet.
	 */
	String directTopic(String binding) {
		return this.topics.computeIfAbsent(binding, (name) -> {
			BindingProperties properties = this.bindings.getBindings().get(name);
			String destination = (properties != null) ? properties.getDestination() : null;
			return StringUtils.hasText(destination) ? destination : null;
		});
	}

	private static ProducerRecord<Object, Object> record(String topic, String key, Object value,
			Map<String, ?> headers) {
		RecordHeaders kafka = new RecordHeaders();
		headers.forEach((name, header) -> kafka.add(name, bytes(name, header)));
		return new ProducerRecord<>(topic, null, key, value, kafka);
	}

	private static byte[] bytes(String name, Object header) {
		if (header instanceof byte[] bytes) {
			return bytes;
		}
		if (header instanceof String text) {
			return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		}
		throw new IllegalArgumentException(
				"Header " + name + " is neither bytes nor text: " + header.getClass().getName());
	}

	/**
	 * The binder's transactional producers and a template on them, or {@code null} when
	 * the binder has none.
	 */
	@SuppressWarnings("unchecked")
	private Direct direct() {
		Direct direct = this.direct;
		if (direct == null) {
			// The binder exists once the bindings are up, not when this bean is made.
			Binder<MessageChannel, ?, ?> binder = this.binders.getBinder(null, MessageChannel.class);
			ProducerFactory<byte[], byte[]> producers = (binder instanceof KafkaMessageChannelBinder kafka)
					? kafka.getTransactionalProducerFactory() : null;
			if (producers == null) {
				direct = Direct.NONE;
			}
			else {
				// The producers' own serializers write keys and values (String, Avro),
				// whatever the factory's declared types.
				ProducerFactory<Object, Object> any = (ProducerFactory<Object, Object>) (ProducerFactory<?, ?>) producers;
				KafkaTemplate<Object, Object> template = new KafkaTemplate<>(any);
				template.setObservationEnabled(this.observed);
				// Timed by the observation, like the binder's templates, not a timer of
				// its
				// own with other tags.
				template.setMicrometerEnabled(false);
				template.setApplicationContext(this.context);
				template.afterSingletonsInstantiated();
				direct = new Direct(producers, template);
			}
			this.direct = direct;
		}
		return (direct == Direct.NONE) ? null : direct;
	}

	private record Direct(ProducerFactory<?, ?> producers, KafkaTemplate<Object, Object> template) {

		static final Direct NONE = new Direct(null, null);

	}

}
