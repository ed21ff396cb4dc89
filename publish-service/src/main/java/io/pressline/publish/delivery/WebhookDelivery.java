package io.pressline.publish.delivery;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import io.pressline.event.ArticlePublished;
import io.pressline.event.json.EventJson;

/**
 * Posts each published event, as JSON, to every site subscribed to its section: signed,
 * retried with exponential backoff, and handed to the dead letters after the last
 * attempt. Sites are served side by side; for each site, events go one after another, so
 * a site receives an article's versions in order. {@link #deliver} returns once every
 * site has the event or it is dead-lettered, so the caller can commit its offset
 * afterwards and a restart repeats rather than loses a delivery; sites deduplicate on the
 * {@value #DELIVERY_HEADER} header.
 */
public class WebhookDelivery implements AutoCloseable {

	/** Header naming the delivery: article id, {@code /v}, version. */
	public static final String DELIVERY_HEADER = "Pressline-Delivery";

	/** Header naming the event type. */
	public static final String EVENT_HEADER = "Pressline-Event";

	private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

	private final List<Site> sites;

	private final HttpClient http;

	private final Retry retry;

	private final DeliveryLog deliveryLog;

	private final DeadLetters deadLetters;

	private final Clock clock;

	private final ExecutorService workers = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "webhook-delivery");
		thread.setDaemon(true);
		return thread;
	});

	public WebhookDelivery(List<Site> sites, HttpClient http, Retry retry, DeliveryLog deliveryLog,
			DeadLetters deadLetters, Clock clock) {
		this.sites = List.copyOf(sites);
		this.http = http;
		this.retry = retry;
		this.deliveryLog = deliveryLog;
		this.deadLetters = deadLetters;
		this.clock = clock;
	}

	/** Whether any site takes articles by webhook. */
	public boolean hasSites() {
		return !this.sites.isEmpty();
	}

	/** Delivers an event to every site that takes its section. */
	public void deliver(ArticlePublished event) {
		List<Site> targets = this.sites.stream().filter((site) -> site.takes(event.getSection())).toList();
		if (targets.isEmpty()) {
			return;
		}
		byte[] body = EventJson.render(event, false).getBytes(StandardCharsets.UTF_8);
		Map<String, String> logContext = logContext(event);
		CompletableFuture<?>[] deliveries = targets.stream()
			.map((site) -> CompletableFuture
				.runAsync(() -> withLogContext(logContext, () -> deliverTo(site, event, body)), this.workers))
			.toArray(CompletableFuture[]::new);
		CompletableFuture.allOf(deliveries).join();
	}

	/**
	 * What the workers' log lines carry: the caller's context (the trace of the record
	 * being delivered) and the article's id.
	 */
	private static Map<String, String> logContext(ArticlePublished event) {
		Map<String, String> context = new HashMap<>();
		Map<String, String> caller = MDC.getCopyOfContextMap();
		if (caller != null) {
			context.putAll(caller);
		}
		context.put("articleId", event.getArticleId());
		return context;
	}

	private static void withLogContext(Map<String, String> context, Runnable work) {
		MDC.setContextMap(context);
		try {
			work.run();
		}
		finally {
			MDC.clear();
		}
	}

	private void deliverTo(Site site, ArticlePublished event, byte[] body) {
		String error = null;
		for (int attempt = 1; attempt <= this.retry.maxAttempts(); attempt++) {
			Integer status = null;
			try {
				HttpResponse<Void> response = this.http.send(request(site, event, body),
						HttpResponse.BodyHandlers.discarding());
				status = response.statusCode();
				if (status / 100 == 2) {
					record(site, event, attempt, DeliveryAttempt.Outcome.DELIVERED, status, null);
					return;
				}
				error = "the site answered HTTP " + status;
			}
			catch (IOException ex) {
				error = "no answer: " + ex;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (attempt == this.retry.maxAttempts()) {
				record(site, event, attempt, DeliveryAttempt.Outcome.DEAD, status, error);
				log.warn("Delivery of article {} v{} to {} failed {} times, the last because {}; dead-lettered",
						event.getArticleId(), event.getVersion(), site.name(), attempt, error);
				this.deadLetters.accept(site, event, attempt, error);
				return;
			}
			record(site, event, attempt, DeliveryAttempt.Outcome.RETRYING, status, error);
			try {
				Thread.sleep(this.retry.backoff(attempt).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private HttpRequest request(Site site, ArticlePublished event, byte[] body) {
		long timestamp = this.clock.instant().getEpochSecond();
		return HttpRequest.newBuilder(site.webhookUrl())
			.timeout(this.retry.timeout())
			.header("Content-Type", "application/json")
			.header("User-Agent", "Pressline-Webhooks")
			.header(EVENT_HEADER, event.getEventType().name())
			.header(DELIVERY_HEADER, event.getArticleId() + "/v" + event.getVersion())
			.header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
			.header(WebhookSignature.HEADER, WebhookSignature.sign(site.secret(), timestamp, body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
	}

	private void record(Site site, ArticlePublished event, int attempt, DeliveryAttempt.Outcome outcome, Integer status,
			String error) {
		this.deliveryLog.add(new DeliveryAttempt(site.name(), event.getArticleId(), event.getVersion(),
				event.getEventType().name(), attempt, outcome, status, error, this.clock.instant()));
	}

	@Override
	public void close() {
		this.workers.shutdownNow();
	}

	/**
	 * How deliveries are retried.
	 *
	 * @param maxAttempts attempts before an event is dead-lettered (at least 1)
	 * @param initialBackoff wait after the first failure
	 * @param multiplier how much each wait grows
	 * @param maxBackoff the longest wait
	 * @param timeout how long one attempt waits for the site's answer
	 */
	public record Retry(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff,
			Duration timeout) {

		public Retry {
			if (maxAttempts < 1) {
				throw new IllegalArgumentException("max-attempts must be at least 1");
			}
			if (multiplier < 1) {
				throw new IllegalArgumentException("the backoff multiplier must be at least 1");
			}
		}

		/** The wait after the given failed attempt. */
		public Duration backoff(int failedAttempt) {
			double millis = this.initialBackoff.toMillis() * Math.pow(this.multiplier, failedAttempt - 1);
			return Duration.ofMillis((long) Math.min(millis, this.maxBackoff.toMillis()));
		}

	}

	/** Where events go that could not be delivered. */
	@FunctionalInterface
	public interface DeadLetters {

		void accept(Site site, ArticlePublished event, int attempts, String lastError);

	}

}
