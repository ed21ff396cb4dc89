package io.pressline.publish.stream;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.pressline.event.ArticlePublished;
import io.pressline.event.json.EventJson;
import io.pressline.platform.kafka.KafkaClients;

/**
 * Server-Sent Events of publication events, each stream read straight from Kafka by its
 * own consumer (no group, so nothing is shared or committed). A stream starts at the end
 * of the topic, or just after the event named by {@code Last-Event-ID}; it says
 * {@code : ready} once it is positioned, and sends a comment every so often to keep
 * proxies from closing it.
 */
public class EventStreams implements SmartLifecycle, AutoCloseable {

	/**
	 * Stops before the web server's graceful shutdown, which would otherwise wait for
	 * every open stream to end by itself.
	 */
	private static final int PHASE = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 1;

	private static final Logger log = LoggerFactory.getLogger(EventStreams.class);

	private final KafkaClients clients;

	private final Duration timeout;

	private final Duration heartbeat;

	private final Semaphore slots;

	private final Set<AtomicBoolean> open = ConcurrentHashMap.newKeySet();

	private volatile boolean running;

	private final ExecutorService readers = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "event-stream");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * @param clients the settings of each stream's consumer, those of the binder's (the
	 * cluster and its security)
	 * @param maxStreams streams open at once; more are refused
	 * @param timeout how long a stream stays open before the client reconnects
	 * @param heartbeat how often an idle stream sends a comment
	 */
	public EventStreams(KafkaClients clients, int maxStreams, Duration timeout, Duration heartbeat) {
		this.clients = clients;
		this.slots = new Semaphore(maxStreams);
		this.timeout = timeout;
		this.heartbeat = heartbeat;
	}

	/**
	 * Opens a stream of a topic's events.
	 * @param topic the topic to follow
	 * @param resumeAfter where the client was, or {@code null} to start with new events
	 * @throws TooManyStreamsException when every slot is taken
	 */
	public SseEmitter open(String topic, StreamPosition resumeAfter) {
		if (!this.slots.tryAcquire()) {
			throw new TooManyStreamsException();
		}
		SseEmitter emitter = new SseEmitter(this.timeout.toMillis());
		AtomicBoolean open = new AtomicBoolean(true);
		this.open.add(open);
		emitter.onCompletion(() -> open.set(false));
		emitter.onTimeout(() -> open.set(false));
		emitter.onError((ex) -> open.set(false));
		try {
			this.readers.execute(() -> {
				try {
					follow(topic, resumeAfter, emitter, open);
				}
				finally {
					this.open.remove(open);
					this.slots.release();
				}
			});
		}
		catch (RuntimeException ex) {
			this.open.remove(open);
			this.slots.release();
			throw ex;
		}
		return emitter;
	}

	private void follow(String topic, StreamPosition resumeAfter, SseEmitter emitter, AtomicBoolean open) {
		try (KafkaConsumer<String, SpecificRecord> consumer = this.clients.consumer(
				Map.of(ConsumerConfig.CLIENT_ID_CONFIG, "event-stream-" + UUID.randomUUID(),
						// a resumed position older than the topic's retention falls back
						// to the oldest event
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), this.clients.events())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10))
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			Map<Integer, Long> start = new HashMap<>();
			for (TopicPartition partition : partitions) {
				Long offset = (resumeAfter != null) ? resumeAfter.offset(partition.partition()) : null;
				if (offset != null) {
					consumer.seek(partition, offset);
				}
				else if (resumeAfter != null) {
					consumer.seekToBeginning(List.of(partition));
				}
				else {
					consumer.seekToEnd(List.of(partition));
				}
				start.put(partition.partition(), consumer.position(partition));
			}
			StreamPosition position = StreamPosition.of(start);
			emitter.send(SseEmitter.event().comment("ready").reconnectTime(2000));
			long lastSent = System.nanoTime();
			while (open.get()) {
				for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(500))) {
					position = position.after(record.partition(), record.offset());
					if (record.value() instanceof ArticlePublished event) {
						emitter.send(SseEmitter.event()
							.id(position.toString())
							.name(event.getEventType().name())
							.data(EventJson.render(event, false), MediaType.APPLICATION_JSON));
						lastSent = System.nanoTime();
					}
				}
				if (System.nanoTime() - lastSent > this.heartbeat.toNanos()) {
					emitter.send(SseEmitter.event().comment("still here"));
					lastSent = System.nanoTime();
				}
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client went away
			log.debug("Event stream of {} ended: {}", topic, ex.toString());
		}
		catch (RuntimeException ex) {
			log.warn("Event stream of {} failed", topic, ex);
			emitter.completeWithError(ex);
			return;
		}
		emitter.complete();
	}

	@Override
	public void start() {
		this.running = true;
	}

	/** Ends every open stream; clients reconnect, with their last event id, elsewhere. */
	@Override
	public void stop() {
		this.running = false;
		this.open.forEach((stream) -> stream.set(false));
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	@Override
	public void close() {
		stop();
		this.readers.shutdownNow();
	}

	/** Every stream slot is taken. */
	public static class TooManyStreamsException extends RuntimeException {

		TooManyStreamsException() {
			super("Too many event streams are open; try again shortly");
		}

	}

}
