package io.pressline.publish.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook delivery: {@code sha256=} and the hex HMAC-SHA256, keyed
 * with the site's secret, of the timestamp header, a full stop and the body. Signing the
 * timestamp with the body lets a receiver refuse an old delivery replayed later.
 */
public final class WebhookSignature {

	/** Header carrying the signature. */
	public static final String HEADER = "Pressline-Signature";

	/** Header carrying the signing time, in seconds since the epoch. */
	public static final String TIMESTAMP_HEADER = "Pressline-Timestamp";

	private static final String ALGORITHM = "HmacSHA256";

	private static final String PREFIX = "sha256=";

	private WebhookSignature() {
	}

	/** The signature header's value for a delivery. */
	public static String sign(String secret, long timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
			mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
			return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", ex);
		}
	}

	/**
	 * Whether a signature header is the right one for a body and timestamp, compared in
	 * constant time; what a receiving site does with each delivery.
	 */
	public static boolean verify(String secret, long timestamp, byte[] body, String signature) {
		if (signature == null) {
			return false;
		}
		byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
	}

}
