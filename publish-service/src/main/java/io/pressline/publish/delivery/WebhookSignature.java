package io.pressline.publish.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signatures of a webhook delivery.
 * <p>
 * Standard Webhooks 1.0: {@value #ID_HEADER}, {@value #TIMESTAMP_HEADER} (seconds since
 * the epoch) and {@value #SIGNATURE_HEADER}, which is {@code v1,} and the base64
 * HMAC-SHA256 of {@code <id>.<timestamp>.<body>}, once for each of the site's secrets
 * (space-separated) while a secret is being rotated. Signing the id and the time with the
 * body lets a receiver refuse a delivery replayed later or with another id.
 * <p>
 * Until every site has moved over, the old headers are sent beside them where the site
 * asks for them: {@value #LEGACY_HEADER} is {@code sha256=} and the hex HMAC-SHA256 of
 * {@code <timestamp>.<body>}, keyed with the site's current secret, and
 * {@value #LEGACY_TIMESTAMP_HEADER} the same timestamp.
 */
public final class WebhookSignature {

	/** Standard Webhooks: the delivery's id, the same on every retry. */
	public static final String ID_HEADER = "webhook-id";

	/** Standard Webhooks: when this attempt was signed, in seconds since the epoch. */
	public static final String TIMESTAMP_HEADER = "webhook-timestamp";

	/** Standard Webhooks: the signatures. */
	public static final String SIGNATURE_HEADER = "webhook-signature";

	/** The signature header Pressline sent before Standard Webhooks. */
	public static final String LEGACY_HEADER = "Pressline-Signature";

	/** The timestamp header Pressline sent before Standard Webhooks. */
	public static final String LEGACY_TIMESTAMP_HEADER = "Pressline-Timestamp";

	private static final String ALGORITHM = "HmacSHA256";

	private WebhookSignature() {
	}

	/** The {@value #SIGNATURE_HEADER} value: one {@code v1,<base64>} for each secret. */
	public static String sign(List<WebhookSecret> secrets, String id, long timestamp, byte[] body) {
		if (secrets.isEmpty()) {
			throw new IllegalArgumentException("A delivery needs at least one secret to be signed with");
		}
		byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
		return secrets.stream()
			.map((secret) -> "v1," + Base64.getEncoder().encodeToString(hmac(secret, prefix, body)))
			.collect(Collectors.joining(" "));
	}

	/** The {@value #LEGACY_HEADER} value, keyed with one secret. */
	public static String signLegacy(WebhookSecret secret, long timestamp, byte[] body) {
		byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
		return "sha256=" + HexFormat.of().formatHex(hmac(secret, prefix, body));
	}

	/**
	 * Whether a {@value #LEGACY_HEADER} value is the right one for a body and timestamp,
	 * compared in constant time: what a site that has not moved yet does.
	 */
	public static boolean verifyLegacy(WebhookSecret secret, long timestamp, byte[] body, String signature) {
		if (signature == null) {
			return false;
		}
		byte[] expected = signLegacy(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
	}

	private static byte[] hmac(WebhookSecret secret, byte[] prefix, byte[] body) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(secret.key(), ALGORITHM));
			mac.update(prefix);
			return mac.doFinal(body);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", ex);
		}
	}

}
