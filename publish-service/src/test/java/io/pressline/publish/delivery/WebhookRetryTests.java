package io.pressline.publish.delivery;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.pressline.event.ArticlePublished;
import io.pressline.event.PublicationEventType;
import io.pressline.publish.PublishFixtures;
import io.pressline.publish.edition.Editions;
import io.pressline.publish.ninjs.NinjsSchema;
import io.pressline.publish.rules.Decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Webhook deliveries to real HTTP receivers that verify them with Standard Webhooks' own
 * Java library: what is retried and what is not, Retry-After, the id across retries,
 * secret rotation, replays, ninjs bodies and the operators' test event. No broker: the
 * waits between attempts are recorded rather than slept.
 */
class WebhookRetryTests {

	private static final String KEY = "whsec_" + java.util.Base64.getEncoder()
		.encodeToString("a-site-key-of-thirty-two-bytes!!".getBytes(java.nio.charset.StandardCharsets.UTF_8));

	private static final String OLD_KEY = "whsec_" + java.util.Base64.getEncoder()
		.encodeToString("the-previous-key-being-rotated!!".getBytes(java.nio.charset.StandardCharsets.UTF_8));

	private final List<Duration> waits = new CopyOnWriteArrayList<>();

	private final List<String> deadLetters = new CopyOnWriteArrayList<>();

	private final DeliveryLog log = new DeliveryLog(100);

	@Test
	void everyAttemptVerifiesWithTheLibraryAndCarriesTheSameId() {
		ArticlePublished event = published("a1");
		try (SiteReceiver receiver = SiteReceiver.start(KEY,
				(attempt) -> (attempt <= 2) ? SiteReceiver.Answer.status(503) : SiteReceiver.Answer.status(204))) {
			Site site = site(receiver, List.of(KEY), Site.Format.JSON);
			deliver(site, event, 3, Clock.systemUTC());

			assertThat(receiver.requests).hasSize(3).allMatch(SiteReceiver.Received::verified);
			assertThat(receiver.requests).extracting((r) -> r.headers().getFirst("webhook-id"))
				.containsOnly(WebhookDelivery.deliveryId(site, event));
			assertThat(WebhookDelivery.deliveryId(site, event)).matches("msg_[A-Za-z0-9_-]+");
			SiteReceiver.Received last = receiver.requests.get(2);
			long timestamp = Long.parseLong(last.headers().getFirst(WebhookSignature.LEGACY_TIMESTAMP_HEADER));
			assertThat(WebhookSignature.verifyLegacy(WebhookSecret.parse("t", KEY), timestamp, last.body(),
					last.headers().getFirst(WebhookSignature.LEGACY_HEADER)))
				.as("the old header, for sites that have not moved yet")
				.isTrue();
			assertThat(outcomes()).containsExactly("DELIVERED", "RETRYING", "RETRYING");
			assertThat(this.deadLetters).isEmpty();
		}
	}

	@Test
	void theIdDiffersBetweenSitesVersionsAndEventTypes() {
		SiteReceiver.Answer ok = SiteReceiver.Answer.status(200);
		try (SiteReceiver receiver = SiteReceiver.start(KEY, (attempt) -> ok)) {
			Site one = site(receiver, List.of(KEY), Site.Format.JSON);
			Site other = new Site("other", one.webhookUrl(), one.secrets(), List.of(), Site.Format.JSON, false);
			ArticlePublished event = published("a1");
			ArticlePublished retraction = ArticlePublished.newBuilder(event)
				.setEventType(PublicationEventType.RETRACTED)
				.build();
			ArticlePublished next = ArticlePublished.newBuilder(event).setVersion(2).build();

			assertThat(List.of(WebhookDelivery.deliveryId(one, event), WebhookDelivery.deliveryId(other, event),
					WebhookDelivery.deliveryId(one, retraction), WebhookDelivery.deliveryId(one, next)))
				.doesNotHaveDuplicates();
			assertThat(WebhookDelivery.deliveryId(one, event))
				.isEqualTo(WebhookDelivery.deliveryId(one, ArticlePublished.newBuilder(event).build()));
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 301, 400, 401, 404, 410, 422 })
	void aClientErrorOrRedirectIsNotRetried(int status) {
		try (SiteReceiver receiver = SiteReceiver.start(KEY, (attempt) -> SiteReceiver.Answer.status(status))) {
			deliver(site(receiver, List.of(KEY), Site.Format.JSON), published("a2"), 5, Clock.systemUTC());

			assertThat(receiver.requests).hasSize(1);
			assertThat(outcomes()).containsExactly("DEAD");
			assertThat(this.deadLetters).singleElement().asString().contains("HTTP " + status).contains("not retried");
			assertThat(this.waits).isEmpty();
		}
	}

	@Test
	void goneSaysTheSiteAskedForNoMore() {
		try (SiteReceiver receiver = SiteReceiver.start(KEY, (attempt) -> SiteReceiver.Answer.status(410))) {
			deliver(site(receiver, List.of(KEY), Site.Format.JSON), published("a3"), 5, Clock.systemUTC());

			assertThat(this.deadLetters).singleElement().asString().contains("Gone").contains("no more deliveries");
		}
	}

	@Test
	void rateLimitsTimeoutsAndServerErrorsAreRetriedHonouringRetryAfter() {
		try (SiteReceiver receiver = SiteReceiver.start(KEY, (attempt) -> switch (attempt) {
			case 1 -> SiteReceiver.Answer.retryAfter(429, "3");
			case 2 -> SiteReceiver.Answer.status(408);
			case 3 -> SiteReceiver.Answer.status(500);
			default -> SiteReceiver.Answer.status(200);
		})) {
			deliver(site(receiver, List.of(KEY), Site.Format.JSON), published("a4"), 4, Clock.systemUTC());

			assertThat(receiver.requests).hasSize(4);
			assertThat(this.waits).as("Retry-After: 3, then the backoff of 100 ms doubling")
				.containsExactly(Duration.ofSeconds(3), Duration.ofMillis(200), Duration.ofMillis(400));
			assertThat(outcomes()).containsExactly("DELIVERED", "RETRYING", "RETRYING", "RETRYING");
		}
	}

	@Test
	void aSiteThatDoesNotAnswerInTimeIsTriedAgain() {
		try (SiteReceiver receiver = SiteReceiver.start(KEY,
				(attempt) -> (attempt == 1) ? SiteReceiver.Answer.noAnswer() : SiteReceiver.Answer.status(200));
				WebhookDelivery delivery = delivery(List.of(site(receiver, List.of(KEY), Site.Format.JSON)), 4,
						Clock.systemUTC(), Duration.ofSeconds(1))) {
			delivery.deliver(published("a5"));

			List<DeliveryAttempt> attempts = this.log.recent(null, null, 10);
			assertThat(attempts.get(0).outcome()).isEqualTo(DeliveryAttempt.Outcome.DELIVERED);
			DeliveryAttempt first = attempts.get(attempts.size() - 1);
			assertThat(first.outcome()).isEqualTo(DeliveryAttempt.Outcome.RETRYING);
			assertThat(first.error()).contains("no answer");
			assertThat(receiver.requests).hasSizeGreaterThanOrEqualTo(2);
		}
	}

	@Test
	void aDeliverySignedLongerAgoThanTheReceiversToleranceIsRefusedAsAReplay() {
		// Six minutes ago, as a captured delivery replayed now would be: the library's
		// tolerance is five minutes. The site's 400 is not retried.
		Clock sixMinutesAgo = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-6));
		try (SiteReceiver receiver = SiteReceiver.start(KEY, (attempt) -> SiteReceiver.Answer.status(200))) {
			deliver(site(receiver, List.of(KEY), Site.Format.JSON), published("a6"), 3, sixMinutesAgo);

			assertThat(receiver.requests).singleElement().satisfies((r) -> assertThat(r.refusal()).contains("too old"));
			assertThat(outcomes()).containsExactly("DEAD");

			deliver(site(receiver, List.of(KEY), Site.Format.JSON), published("a6"), 3, Clock.systemUTC());
			assertThat(receiver.requests).hasSize(2);
			assertThat(receiver.requests.get(1).verified()).as("the same delivery signed now").isTrue();
		}
	}

	@Test
	void whileASecretRotatesSitesWithEitherKeyVerify() {
		try (SiteReceiver onNewKey = SiteReceiver.start(KEY, (attempt) -> SiteReceiver.Answer.status(200));
				SiteReceiver onOldKey = SiteReceiver.start(OLD_KEY, (attempt) -> SiteReceiver.Answer.status(200));
				SiteReceiver onNeither = SiteReceiver.start(WebhookSecret.generate(),
						(attempt) -> SiteReceiver.Answer.status(200))) {
			for (SiteReceiver receiver : List.of(onNewKey, onOldKey, onNeither)) {
				deliver(site(receiver, List.of(KEY, OLD_KEY), Site.Format.JSON), published("a7"), 1, Clock.systemUTC());
			}

			assertThat(onNewKey.requests.get(0).headers().getFirst("webhook-signature")).matches("v1,\\S+ v1,\\S+");
			assertThat(onNewKey.requests).singleElement().matches(SiteReceiver.Received::verified);
			assertThat(onOldKey.requests).singleElement().matches(SiteReceiver.Received::verified);
			assertThat(onNeither.requests).singleElement().matches((r) -> !r.verified());
		}
	}

	@Test
	void aNinjsSiteGetsAValidNinjsDocument() {
		try (SiteReceiver receiver = SiteReceiver.start(KEY, (attempt) -> SiteReceiver.Answer.status(200))) {
			deliver(site(receiver, List.of(KEY), Site.Format.NINJS), published("a8"), 1, Clock.systemUTC());

			SiteReceiver.Received received = receiver.requests.get(0);
			assertThat(received.verified()).isTrue();
			assertThat(received.headers().getFirst("Content-Type")).isEqualTo("application/ninjs+json");
			NinjsSchema.assertValid(new String(received.body(), java.nio.charset.StandardCharsets.UTF_8));
		}
	}

	@Test
	void theTestEventReportsWhatTheSiteAnswered() {
		try (SiteReceiver happy = SiteReceiver.start(KEY, (attempt) -> SiteReceiver.Answer.status(200, "thanks"));
				SiteReceiver broken = SiteReceiver.start(KEY,
						(attempt) -> SiteReceiver.Answer.status(500, "database down"))) {
			Site good = site(happy, List.of(KEY), Site.Format.JSON);
			Site bad = new Site("broken", URI.create(broken.url()), List.of(WebhookSecret.parse("broken", KEY)),
					List.of(), Site.Format.JSON, false);
			try (WebhookDelivery delivery = delivery(List.of(good, bad), 3, Clock.systemUTC())) {
				WebhookDelivery.TestResult accepted = delivery.sendTest("wire");
				WebhookDelivery.TestResult refused = delivery.sendTest("broken");

				assertThat(accepted.accepted()).isTrue();
				assertThat(accepted.status()).isEqualTo(200);
				assertThat(accepted.answer()).isEqualTo("thanks");
				assertThat(happy.requests).singleElement().matches(SiteReceiver.Received::verified);
				assertThat(tools.jackson.databind.json.JsonMapper.builder()
					.build()
					.readTree(happy.requests.get(0).body())
					.get("type")
					.asString()).isEqualTo("pressline.test");
				assertThat(accepted.webhookId()).isEqualTo(happy.requests.get(0).headers().getFirst("webhook-id"));
				assertThat(refused.accepted()).isFalse();
				assertThat(refused.status()).isEqualTo(500);
				assertThat(refused.answer()).isEqualTo("database down");
				assertThat(broken.requests).as("a test event is sent once").hasSize(1);
				assertThatExceptionOfType(WebhookDelivery.UnknownSiteException.class)
					.isThrownBy(() -> delivery.sendTest("nobody"))
					.withMessageContaining("wire, broken");
			}
		}
		assertThat(this.log.recent(null, null, 10)).as("not a delivery").isEmpty();
	}

	private void deliver(Site site, ArticlePublished event, int attempts, Clock clock) {
		try (WebhookDelivery delivery = delivery(List.of(site), attempts, clock)) {
			delivery.deliver(event);
		}
	}

	private WebhookDelivery delivery(List<Site> sites, int attempts, Clock clock) {
		return delivery(sites, attempts, clock, Duration.ofSeconds(10));
	}

	private WebhookDelivery delivery(List<Site> sites, int attempts, Clock clock, Duration timeout) {
		WebhookDelivery.Retry retry = new WebhookDelivery.Retry(attempts, Duration.ofMillis(100), 2,
				Duration.ofSeconds(5), timeout);
		return new WebhookDelivery(sites, HttpClient.newHttpClient(), retry, this.log,
				(site, event, count, error) -> this.deadLetters.add(error), clock, this.waits::add);
	}

	private static Site site(SiteReceiver receiver, List<String> keys, Site.Format format) {
		return new Site("wire", URI.create(receiver.url()),
				keys.stream().map((key) -> WebhookSecret.parse("wire", key)).toList(), List.of(), format, true);
	}

	private List<String> outcomes() {
		return this.log.recent(null, null, 100).stream().map((a) -> a.outcome().name()).toList();
	}

	private static ArticlePublished published(String id) {
		Instant now = Instant.now();
		return new Editions("https://news.example.org").edition(
				PublishFixtures.enriched(PublishFixtures.draft(id, 1).setSubmittedAt(now).build()),
				new Decision.Publish(PublicationEventType.PUBLISHED, now, "local"), null, now);
	}

}
