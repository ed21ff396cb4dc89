package io.pressline.publish.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTests {

	private static final String SECRET = "a-secret-of-sixteen-or-more";

	private static final byte[] BODY = "{\"articleId\":\"a1\"}".getBytes(StandardCharsets.UTF_8);

	@Test
	void aSignatureIsTheHexHmacOfTimestampAndBody() {
		// computed with OpenSSL, not with the code under test:
		// printf '1764064800.{"articleId":"a1"}' | openssl dgst -sha256 -hmac
		// 'a-secret-of-sixteen-or-more'
		assertThat(WebhookSignature.sign(SECRET, 1764064800L, BODY))
			.isEqualTo("sha256=3ca166dcb852c2bc766b9815c99b1649c6f16c1beb261781dd24bdd238fffe2a");
	}

	@Test
	void onlyTheSameSecretTimestampAndBodyVerify() {
		String signature = WebhookSignature.sign(SECRET, 1764064800L, BODY);

		assertThat(WebhookSignature.verify(SECRET, 1764064800L, BODY, signature)).isTrue();
		assertThat(WebhookSignature.verify("another-secret-of-16+", 1764064800L, BODY, signature)).isFalse();
		assertThat(WebhookSignature.verify(SECRET, 1764064801L, BODY, signature)).isFalse();
		assertThat(WebhookSignature.verify(SECRET, 1764064800L, "{}".getBytes(StandardCharsets.UTF_8), signature))
			.isFalse();
		assertThat(WebhookSignature.verify(SECRET, 1764064800L, BODY, null)).isFalse();
	}

	@Test
	void retriesBackOffExponentiallyUpToTheLongestWait() {
		WebhookDelivery.Retry retry = new WebhookDelivery.Retry(6, Duration.ofSeconds(1), 2, Duration.ofSeconds(10),
				Duration.ofSeconds(5));

		assertThat(retry.backoff(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(retry.backoff(2)).isEqualTo(Duration.ofSeconds(2));
		assertThat(retry.backoff(4)).isEqualTo(Duration.ofSeconds(8));
		assertThat(retry.backoff(5)).isEqualTo(Duration.ofSeconds(10));
	}

}
