package io.pressline.publish.delivery;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.pressline.event.ArticlePublished;
import io.pressline.event.json.EventJson;
import io.pressline.publish.ninjs.Ninjs;

/**
 * Posts each published event to every site subscribed to its section, as Standard
 * Webhooks 1.0 has it: signed ({@link WebhookSignature}), with a {@code webhook-id} that
 * is the same on every attempt so a site drops duplicates, retried with exponential
 * backoff when the failure may pass (no answer, 408, 429, 5xx; a {@code Retry-After} is
 * honoured up to the longest wait) and not when it will not (3xx, any other 4xx), and
 * handed to the dead letters after the last attempt. Sites are served side by side; for
 * each site, events go one after another, so a site receives an article's versions in
 * order. {@link #deliver} returns once every site has the event or it is dead-lettered,
 * so the caller can commit its offset afterwards and a restart repeats rather than loses
 * a delivery.
 */
public class WebhookDelivery implements AutoCloseable {

	/**
	 * Header naming the delivery in Pressline's own words: article id, {@code /v},
	 * version.
	 */
	public static final String DELIVERY_HEADER = "Pressline-Delivery";

	/** Header naming the event type. */
	public static final String EVENT_HEADER = "Pressline-Event";

	/** The media type of a ninjs body. */
	public static final String NINJS_MEDIA_TYPE = "application/ninjs+json";

	/** How much of a site's answer to a test event is kept. */
	private static final int ANSWER_LIMIT = 2000;

	private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

	private final List<Site> sites;

	private final HttpClient http;

	private final Retry retry;

	private final DeliveryLog deliveryLog;

	private final DeadLetters deadLetters;

	private final Clock clock;

	private final Sleeper sleeper;

	private final ExecutorService workers = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "webhook-delivery");
		thread.setDaemon(true);
		return thread;
	});

	public WebhookDelivery(List<Site> sites, HttpClient http, Retry retry, DeliveryLog deliveryLog,
			DeadLetters deadLetters, Clock clock) {
		this(sites, http, retry, deliveryLog, deadLetters, clock, (wait) -> Thread.sleep(wait.toMillis()));
	}

	/**
	 * @param sleeper how the wait between attempts is spent (a test records it instead)
	 */
	public WebhookDelivery(List<Site> sites, HttpClient http, Retry retry, DeliveryLog deliveryLog,
			DeadLetters deadLetters, Clock clock, Sleeper sleeper) {
		this.sites = List.copyOf(sites);
		this.http = http;
		this.retry = retry;
		this.deliveryLog = deliveryLog;
		this.deadLetters = deadLetters;
		this.clock = clock;
		this.sleeper = sleeper;
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
		Map<Site.Format, byte[]> bodies = new EnumMap<>(Site.Format.class);
		for (Site site : targets) {
			bodies.computeIfAbsent(site.format(), (format) -> body(event, format));
		}
		Map<String, String> logContext = logContext(event);
		CompletableFuture<?>[] deliveries = targets.stream()
			.map((site) -> CompletableFuture.runAsync(
					() -> withLogContext(logContext, () -> deliverTo(site, event, bodies.get(site.format()))),
					this.workers))
			.toArray(CompletableFuture[]::new);
		CompletableFuture.allOf(deliveries).join();
	}

	/** The body of an event in a site's format. */
	static byte[] body(ArticlePublished event, Site.Format format) {
		String text = switch (format) {
			case JSON -> EventJson.render(event, false);
			case NINJS -> Ninjs.render(event);
		};
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The {@code webhook-id} of an event for a site: derived from the site, the article,
	 * its version and the event type, so every attempt, and a delivery repeated after a
	 * restart, carries the same one. Letters, digits, {@code _} and {@code -} only (no
	 * full stop, which the signed content uses as its separator).
	 */
	public static String deliveryId(Site site, ArticlePublished event) {
		String identity = site.name() + "\n" + event.getArticleId() + "\n" + event.getVersion() + "\n"
				+ event.getEventType().name();
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
			return "msg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/**
	 * Sends one test event to a site, once, signed like a delivery, and tells what the
	 * site answered: for operators setting a site up. Nothing is retried, logged as a
	 * delivery or dead-lettered.
	 * @param siteName the configured site
	 * @throws UnknownSiteException when no site has that name
	 */
	public TestResult sendTest(String siteName) {
		Site site = this.sites.stream()
			.filter((candidate) -> candidate.name().equals(siteName))
			.findFirst()
			.orElseThrow(() -> new UnknownSiteException(siteName, this.sites.stream().map(Site::name).toList()));
		String id = "msg_test_" + UUID.randomUUID().toString().replace("-", "");
		Instant now = this.clock.instant();
		ObjectNode test = JsonNodeFactory.instance.objectNode()
			.put("type", "pressline.test")
			.put("timestamp", now.toString());
		test.putObject("data")
			.put("site", site.name())
			.put("message", "A test event from Pressline: answer 2xx if the signature verifies");
		String body = test.toString();
		HttpRequest request = request(site, id, "TEST", null, "application/json",
				body.getBytes(StandardCharsets.UTF_8));
		long started = System.nanoTime();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			String answer = response.body();
			if (answer != null && answer.length() > ANSWER_LIMIT) {
				answer = answer.substring(0, ANSWER_LIMIT);
			}
			int status = response.statusCode();
			return new TestResult(site.name(), site.webhookUrl().toString(), id, status / 100 == 2, status, answer,
					null, Duration.ofNanos(System.nanoTime() - started).toMillis());
		}
		catch (IOException ex) {
			return new TestResult(site.name(), site.webhookUrl().toString(), id, false, null, null, "no answer: " + ex,
					Duration.ofNanos(System.nanoTime() - started).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for " + site.name() + "'s answer", ex);
		}
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
		String id = deliveryId(site, event);
		String contentType = (site.format() == Site.Format.NINJS) ? NINJS_MEDIA_TYPE : "application/json";
		String legacyId = event.getArticleId() + "/v" + event.getVersion();
		String error = null;
		for (int attempt = 1; attempt <= this.retry.maxAttempts(); attempt++) {
			Integer status = null;
			Duration retryAfter = Duration.ZERO;
			boolean retryable = true;
			try {
				HttpResponse<Void> response = this.http.send(
						request(site, id, event.getEventType().name(), legacyId, contentType, body),
						HttpResponse.BodyHandlers.discarding());
				status = response.statusCode();
				if (status / 100 == 2) {
					record(site, event, attempt, DeliveryAttempt.Outcome.DELIVERED, status, null);
					return;
				}
				retryable = isRetryable(status);
				error = "the site answered HTTP " + status + (retryable ? "" : explanation(status));
				retryAfter = retryAfter(response.headers().firstValue("Retry-After").orElse(null), this.clock);
			}
			catch (IOException ex) {
				error = "no answer: " + ex;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (!retryable || attempt == this.retry.maxAttempts()) {
				record(site, event, attempt, DeliveryAttempt.Outcome.DEAD, status, error);
				log.warn("Delivery of article {} v{} to {} failed {} times, the last because {}; dead-lettered",
						event.getArticleId(), event.getVersion(), site.name(), attempt, error);
				this.deadLetters.accept(site, event, attempt, error);
				return;
			}
			record(site, event, attempt, DeliveryAttempt.Outcome.RETRYING, status, error);
			try {
				this.sleeper.sleep(this.retry.wait(attempt, retryAfter));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * Whether a failed answer may succeed later: a timeout (408), a rate limit (429) or a
	 * server error (5xx). A redirect or any other client error will not change by itself.
	 */
	static boolean isRetryable(int status) {
		return status == 408 || status == 429 || status / 100 == 5;
	}

	private static String explanation(int status) {
		if (status == 410) {
			return " (Gone): the site asks for no more deliveries; not retried. Remove it from "
					+ "pressline.publish.sites or have it answer 2xx again";
		}
		return "; not retried, as the same request would get the same answer";
	}

	/**
	 * The wait a {@code Retry-After} header asks for: seconds, or an HTTP date; zero when
	 * absent or unreadable.
	 */
	static Duration retryAfter(String header, Clock clock) {
		if (header == null || header.isBlank()) {
			return Duration.ZERO;
		}
		String value = header.strip();
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
		}
		catch (NumberFormatException ex) {
			try {
				Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				Duration wait = Duration.between(clock.instant(), at);
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException unreadable) {
				return Duration.ZERO;
			}
		}
	}

	private HttpRequest request(Site site, String id, String eventType, String legacyId, String contentType,
			byte[] body) {
		long timestamp = this.clock.instant().getEpochSecond();
		HttpRequest.Builder request = HttpRequest.newBuilder(site.webhookUrl())
			.timeout(this.retry.timeout())
			.header("Content-Type", contentType)
			.header("User-Agent", "Pressline-Webhooks")
			.header(WebhookSignature.ID_HEADER, id)
			.header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
			.header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(site.secrets(), id, timestamp, body))
			.header(EVENT_HEADER, eventType);
		if (legacyId != null) {
			request.header(DELIVERY_HEADER, legacyId);
		}
		if (site.legacySignature()) {
			request.header(WebhookSignature.LEGACY_TIMESTAMP_HEADER, Long.toString(timestamp))
				.header(WebhookSignature.LEGACY_HEADER,
						WebhookSignature.signLegacy(site.secrets().get(0), timestamp, body));
		}
		return request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
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

		/**
		 * The wait after a failed attempt when the site asked for one: the longer of the
		 * backoff and the site's {@code Retry-After}, but never more than the longest
		 * wait (the delivery holds its record's offset meanwhile).
		 */
		public Duration wait(int failedAttempt, Duration retryAfter) {
			Duration backoff = backoff(failedAttempt);
			Duration wanted = (retryAfter.compareTo(backoff) > 0) ? retryAfter : backoff;
			return (wanted.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : wanted;
		}

	}

	/** How the wait between two attempts is spent. */
	@FunctionalInterface
	public interface Sleeper {

		void sleep(Duration wait) throws InterruptedException;

	}

	/**
	 * What a site answered to a test event.
	 *
	 * @param site the site's name
	 * @param url where the event was posted
	 * @param webhookId the test event's {@code webhook-id}
	 * @param accepted whether the site answered 2xx
	 * @param status its HTTP status, or {@code null} when there was no answer
	 * @param answer the start of its answer's body, if any
	 * @param error why there was no answer, or {@code null}
	 * @param millis how long the site took
	 */
	public record TestResult(String site, String url, String webhookId, boolean accepted, Integer status, String answer,
			String error, long millis) {
	}

	/** No configured site has the name asked for. */
	public static class UnknownSiteException extends RuntimeException {

		public UnknownSiteException(String site, List<String> sites) {
			super("No site is called '" + site + "'; the sites are "
					+ (sites.isEmpty() ? "none" : String.join(", ", sites)));
		}

	}

	/** Where events go that could not be delivered. */
	@FunctionalInterface
	public interface DeadLetters {

		void accept(Site site, ArticlePublished event, int attempts, String lastError);

	}

}
