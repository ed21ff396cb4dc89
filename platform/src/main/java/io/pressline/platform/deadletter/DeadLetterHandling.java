package io.pressline.platform.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.avro.specific.SpecificRecord;

import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.transaction.KafkaAwareTransactionManager;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.util.backoff.BackOff;

import io.pressline.event.serde.AvroEventSerializer;

/**
 * What happens to a record a stage cannot handle. It is tried again with the binding's
 * back-off ({@code maxAttempts}, {@code backOffInitialInterval},
 * {@code backOffMultiplier}, {@code backOffMaxInterval}); one that cannot even be decoded
 * is not retried. Then, where the binding has a dead-letter topic ({@code enable-dlq},
 * {@code dlq-name}), it goes there byte for byte with headers that say where and why:
 * {@value #STAGE_HEADER}, {@value #ERROR_HEADER}, {@value #ATTEMPTS_HEADER}, and Spring
 * Kafka's {@code kafka_dlt-original-topic}, {@code -partition} and {@code -offset}. The
 * consumer then goes on with the next record. A binding without a dead-letter topic (the
 * state readers) logs the record and goes on.
 * <p>
 * Being the binder's one hook into every listener container, it also sets what the
 * containers need for Kafka transactions: transaction synchronisation, so a stage can
 * change its memory and metrics only once a record's transaction commits
 * ({@code TransactionEffects}), and offsets committed past the last commit marker, so a
 * caught-up group shows no lag ({@link CaughtUpOffsets}).
 */
public class DeadLetterHandling implements ListenerContainerWithDlqAndRetryCustomizer {

	/** The consumer group (the stage) that gave up on the record. */
	public static final String STAGE_HEADER = "pressline-stage";

	/** Why, in words: the innermost cause's message. */
	public static final String ERROR_HEADER = "pressline-error";

	/** How many times it was tried. */
	public static final String ATTEMPTS_HEADER = "pressline-attempts";

	private final KafkaTemplate<Object, Object> deadLetters;

	private final DeadLetteredRecords deadLettered;

	private final CaughtUpOffsets caughtUp;

	/**
	 * @param producerConfiguration how to reach the cluster (as the service's producers
	 * do; the serialisers are set here)
	 * @param deadLettered the records of batches dead-lettered, to pass over when the
	 * batch is read again
	 * @param caughtUp commits the offsets of caught-up consumers past the commit markers
	 */
	public DeadLetterHandling(Map<String, Object> producerConfiguration, DeadLetteredRecords deadLettered,
			CaughtUpOffsets caughtUp) {
		this.deadLettered = deadLettered;
		this.caughtUp = caughtUp;
		Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
		byType.put(byte[].class, new ByteArraySerializer());
		byType.put(SpecificRecord.class, AvroEventSerializer.configuredBy(producerConfiguration));
		ProducerFactory<Object, Object> producers = new DefaultKafkaProducerFactory<>(producerConfiguration,
				new DelegatingByTypeSerializer(
						Map.of(String.class, new StringSerializer(), byte[].class, new ByteArraySerializer()), true),
				new DelegatingByTypeSerializer(byType, true));
		this.deadLetters = new KafkaTemplate<>(producers);
		// Its own timer would clash in Prometheus with the binder's observed templates
		// (same name, other tags); dead letters are counted by topic instead.
		this.deadLetters.setMicrometerEnabled(false);
	}

	@Override
	public boolean retryAndDlqInBinding(String destinationName, String group) {
		return false;
	}

	@Override
	public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
			BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff) {
		configure(container, destinationName, group, dlqDestinationResolver, backOff, null);
	}

	@Override
	@SuppressWarnings("unchecked")
	public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
			BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff,
			ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
		synchronizeTransactions(container);
		// Records written in transactions are followed by a commit marker, which a
		// consumer skips but its committed offset would stop short of: the group's lag
		// would never fall below one per partition. Commit past the marker when idle.
		this.caughtUp.watch(container);
		if (dlqDestinationResolver == null) {
			container.setCommonErrorHandler(new DefaultErrorHandler(backOff));
			return;
		}
		int maxAttempts = (properties != null) ? properties.getMaxAttempts() : 3;
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(this.deadLetters,
				dlqDestinationResolver);
		recoverer.setHeadersFunction((record, ex) -> headers(group, ex, maxAttempts));
		container.setCommonErrorHandler(new DefaultErrorHandler(recoverer, backOff));
		KafkaAwareTransactionManager<?, ?> transactions = container.getContainerProperties()
			.getKafkaAwareTransactionManager();
		if (transactions != null && properties != null && properties.isBatchMode()) {
			// A batch is one transaction: a record of it that keeps failing goes alone to
			// the dead-letter topic, the rest of the batch is read again without it.
			container.setCommonErrorHandler(new BatchAfterRollback.RollBack());
			container.setAfterRollbackProcessor(new BatchAfterRollback(recoverer, backOff, this.deadLettered));
			// A fenced producer would otherwise make the container poll on past the
			// batch.
			if (!(transactions instanceof FencedBatchTransactions)) {
				container.getContainerProperties()
					.setKafkaAwareTransactionManager(
							new FencedBatchTransactions((KafkaAwareTransactionManager<Object, Object>) transactions));
			}
		}
		else if (transactions != null) {
			// A record whose transaction rolls back is retried and dead-lettered the same
			// way, its offset then committed in a transaction of its own; this replaces
			// the binder's processor, whose own dead-letter producer cannot write records
			// that were decoded natively.
			KafkaTemplate<Object, Object> offsets = new KafkaTemplate<>(
					(ProducerFactory<Object, Object>) transactions.getProducerFactory());
			offsets.setMicrometerEnabled(false);
			container.setAfterRollbackProcessor(new DefaultAfterRollbackProcessor<>(recoverer, backOff, offsets, true));
		}
	}

	/**
	 * Lets a stage learn when the Kafka transaction of the record it handles has
	 * committed (through {@code TransactionSynchronizationManager}, see
	 * {@code TransactionEffects}). Kafka's transaction manager does not offer that by
	 * default.
	 */
	private static void synchronizeTransactions(AbstractMessageListenerContainer<?, ?> container) {
		ContainerProperties properties = container.getContainerProperties();
		Object transactions = (properties.getKafkaAwareTransactionManager() != null)
				? properties.getKafkaAwareTransactionManager() : properties.getTransactionManager();
		if (transactions instanceof AbstractPlatformTransactionManager manager) {
			manager.setTransactionSynchronization(AbstractPlatformTransactionManager.SYNCHRONIZATION_ALWAYS);
		}
	}

	static Headers headers(String stage, Exception failure, int maxAttempts) {
		boolean undecodable = cause(failure, DeserializationException.class) != null;
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String error = root.getClass().getSimpleName() + ": " + root.getMessage();
		Headers headers = new RecordHeaders();
		headers.add(STAGE_HEADER, bytes((stage != null) ? stage : "anonymous"));
		headers.add(ERROR_HEADER, bytes(error));
		headers.add(ATTEMPTS_HEADER, bytes(Integer.toString(undecodable ? 1 : maxAttempts)));
		return headers;
	}

	private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
		for (Throwable t = failure; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
