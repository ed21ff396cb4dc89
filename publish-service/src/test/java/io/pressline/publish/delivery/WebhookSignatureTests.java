package io.pressline.publish.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebhookSignatureTests {

	/**
	 * The 28 bytes of "a-key-of-twenty-four-bytes!!", as Standard Webhooks writes a key.
	 */
	private static final String NEW_KEY = "whsec_YS1rZXktb2YtdHdlbnR5LWZvdXItYnl0ZXMhIQ==";

	private static final String OLD_SECRET = "a-secret-of-sixteen-or-more";

	private static final byte[] BODY = "{\"articleId\":\"a1\"}".getBytes(StandardCharsets.UTF_8);

	@Test
	void aStandardSignatureIsTheBase64HmacOfIdTimestampAndBodyOncePerSecret() {
		// computed with OpenSSL, not with the code under test:
		// printf 'msg_abc.1764064800.{"articleId":"a1"}' \
		// | openssl dgst -sha256 -hmac 'a-key-of-twenty-four-bytes!!' -binary | base64
		// and the same with -hmac 'a-secret-of-sixteen-or-more'
		List<WebhookSecret> rotating = List.of(WebhookSecret.parse("t", NEW_KEY), WebhookSecret.parse("t", OLD_SECRET));

		assertThat(WebhookSignature.sign(rotating, "msg_abc", 1764064800L, BODY)).isEqualTo(
				"v1,Y5qx4Y6n5dZ+YA1iECAy+4Tvtpxx8nr5g7hElIcbhDo= v1,qQnLJ/DZnz0q2XTkEth7vIRG46fJ0zcajP7eEo6QcUY=");
	}

	@Test
	void theLegacySignatureIsStillTheHexHmacOfTimestampAndBody() {
		// printf '1764064800.{"articleId":"a1"}' | openssl dgst -sha256 -hmac
		// 'a-secret-of-sixteen-or-more'
		WebhookSecret secret = WebhookSecret.parse("t", OLD_SECRET);
		String signature = WebhookSignature.signLegacy(secret, 1764064800L, BODY);

		assertThat(signature).isEqualTo("sha256=3ca166dcb852c2bc766b9815c99b1649c6f16c1beb261781dd24bdd238fffe2a");
		assertThat(WebhookSignature.verifyLegacy(secret, 1764064800L, BODY, signature)).isTrue();
		assertThat(WebhookSignature.verifyLegacy(WebhookSecret.parse("t", "another-secret-of-16+"), 1764064800L, BODY,
				signature))
			.isFalse();
		assertThat(WebhookSignature.verifyLegacy(secret, 1764064801L, BODY, signature)).isFalse();
		assertThat(WebhookSignature.verifyLegacy(secret, 1764064800L, "{}".getBytes(StandardCharsets.UTF_8), signature))
			.isFalse();
		assertThat(WebhookSignature.verifyLegacy(secret, 1764064800L, BODY, null)).isFalse();
	}

	@Test
	void aPlainSecretIsTheSameKeyAsItsWhsecForm() {
		WebhookSecret plain = WebhookSecret.parse("t", OLD_SECRET);

		assertThat(plain.isStandard()).isFalse();
		assertThat(WebhookSecret.parse("t", plain.asStandard()).key()).isEqualTo(plain.key());
		assertThat(WebhookSecret.parse("t", WebhookSecret.generate()).key()).hasSize(32);
	}

	@Test
	void badSecretsAreRefusedWithTheSiteNamed() {
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookSecret.parse("city-paper", "short"))
			.withMessageContaining("city-paper")
			.withMessageContaining("16");
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookSecret.parse("city-paper", "whsec_c2hvcnQ="))
			.withMessageContaining("24");
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookSecret.parse("city-paper", "whsec_not*base64"))
			.withMessageContaining("base64");
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookSecret.parse("city-paper", null))
			.withMessageContaining("needs a secret");
	}

	@Test
	void retriesBackOffExponentiallyUpToTheLongestWaitAndHonourRetryAfterWithinIt() {
		WebhookDelivery.Retry retry = new WebhookDelivery.Retry(6, Duration.ofSeconds(1), 2, Duration.ofSeconds(10),
				Duration.ofSeconds(5));

		assertThat(retry.backoff(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(retry.backoff(2)).isEqualTo(Duration.ofSeconds(2));
		assertThat(retry.backoff(4)).isEqualTo(Duration.ofSeconds(8));
		assertThat(retry.backoff(5)).isEqualTo(Duration.ofSeconds(10));
		assertThat(retry.wait(1, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
		assertThat(retry.wait(4, Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(8));
		assertThat(retry.wait(1, Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void retryAfterIsReadAsSecondsOrAnHttpDate() {
		Clock clock = Clock.fixed(Instant.parse("2026-12-03T09:00:00Z"), ZoneOffset.UTC);

		assertThat(WebhookDelivery.retryAfter("120", clock)).isEqualTo(Duration.ofMinutes(2));
		assertThat(WebhookDelivery.retryAfter("Thu, 03 Dec 2026 09:00:30 GMT", clock))
			.isEqualTo(Duration.ofSeconds(30));
		assertThat(WebhookDelivery.retryAfter("Thu, 03 Dec 2026 08:00:00 GMT", clock)).isEqualTo(Duration.ZERO);
		assertThat(WebhookDelivery.retryAfter("soon", clock)).isEqualTo(Duration.ZERO);
		assertThat(WebhookDelivery.retryAfter(null, clock)).isEqualTo(Duration.ZERO);
	}

	@Test
	void onlyTimeoutsRateLimitsAndServerErrorsAreRetried() {
		assertThat(List.of(408, 429, 500, 502, 503, 504)).allMatch(WebhookDelivery::isRetryable);
		assertThat(List.of(301, 400, 401, 403, 404, 410, 413, 422)).noneMatch(WebhookDelivery::isRetryable);
	}

}
