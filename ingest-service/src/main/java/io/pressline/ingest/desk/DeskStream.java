package io.pressline.ingest.desk;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.pressline.ingest.desk.DeskArticles.DeskArticle;

/**
 * Live updates for the desk page, as Server-Sent Events: on connecting, a
 * {@code snapshot} of recent articles; then an {@code article} event for every change.
 * Sends happen on a thread of their own, so a slow browser never holds up the Kafka
 * consumer that reports the change; a browser that reconnects gets a fresh snapshot, so
 * it misses nothing.
 */
public class DeskStream implements SmartLifecycle {

	/**
	 * Stops before the web server's graceful shutdown, which would wait for open streams.
	 */
	private static final int PHASE = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 1;

	private static final Logger log = LoggerFactory.getLogger(DeskStream.class);

	private static final int SNAPSHOT_SIZE = 100;

	private final DeskArticles articles;

	private final Duration heartbeat;

	private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();

	/** Made on every start: a stopped context (a test's paused one, say) starts again. */
	private volatile ScheduledExecutorService sender = newSender();

	private volatile boolean running;

	private Runnable unsubscribe;

	public DeskStream(DeskArticles articles, Duration heartbeat) {
		this.articles = articles;
		this.heartbeat = heartbeat;
	}

	/** A new stream for one browser. */
	public SseEmitter open() {
		SseEmitter emitter = new SseEmitter(0L);
		emitter.onCompletion(() -> this.open.remove(emitter));
		emitter.onTimeout(() -> this.open.remove(emitter));
		emitter.onError((ex) -> this.open.remove(emitter));
		this.open.add(emitter);
		this.sender.execute(() -> send(emitter,
				SseEmitter.event()
					.name("snapshot")
					.data(this.articles.recent(SNAPSHOT_SIZE), MediaType.APPLICATION_JSON)));
		return emitter;
	}

	private void changed(DeskArticle article) {
		this.sender.execute(() -> {
			for (SseEmitter emitter : this.open) {
				send(emitter, SseEmitter.event().name("article").data(article, MediaType.APPLICATION_JSON));
			}
		});
	}

	private void beat() {
		for (SseEmitter emitter : this.open) {
			send(emitter, SseEmitter.event().comment("heartbeat"));
		}
	}

	private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
		try {
			emitter.send(event);
		}
		catch (IOException | IllegalStateException ex) {
			// The browser went away; it reconnects on its own if it is still there.
			log.debug("Desk stream closed: {}", ex.getMessage());
			this.open.remove(emitter);
			emitter.completeWithError(ex);
		}
	}

	/** How many browsers follow the desk now. */
	public int openStreams() {
		return this.open.size();
	}

	private static ScheduledExecutorService newSender() {
		return Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "desk-stream");
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public void start() {
		if (this.sender.isShutdown()) {
			this.sender = newSender();
		}
		this.unsubscribe = this.articles.subscribe(this::changed);
		long millis = this.heartbeat.toMillis();
		this.sender.scheduleAtFixedRate(this::beat, millis, millis, TimeUnit.MILLISECONDS);
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.unsubscribe != null) {
			this.unsubscribe.run();
		}
		this.open.forEach(SseEmitter::complete);
		this.open.clear();
		this.sender.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
