package io.pressline.publish.delivery;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A site's signing key. Standard Webhooks writes it {@code whsec_} and the key's bytes in
 * base64; a secret without the prefix (what Pressline took before) is taken as its UTF-8
 * bytes, so existing sites keep verifying: for them the same key reads {@code whsec_} +
 * base64 of the old secret.
 */
public final class WebhookSecret {

	/** The prefix of a Standard Webhooks symmetric secret. */
	public static final String PREFIX = "whsec_";

	/** The shortest {@code whsec_} key taken, in bytes, as Standard Webhooks asks. */
	static final int MIN_STANDARD_BYTES = 24;

	/** The shortest plain secret taken, as before Standard Webhooks. */
	static final int MIN_PLAIN_BYTES = 16;

	private static final int MAX_BYTES = 64;

	private final byte[] key;

	private final boolean standard;

	private WebhookSecret(byte[] key, boolean standard) {
		this.key = key;
		this.standard = standard;
	}

	/**
	 * Reads a configured secret.
	 * @param site the site it belongs to, for the error message
	 * @param secret {@code whsec_<base64 of 24 to 64 bytes>}, or a plain secret of at
	 * least 16 characters
	 * @throws IllegalArgumentException when it is missing, not base64 or too short
	 */
	public static WebhookSecret parse(String site, String secret) {
		if (secret == null || secret.isBlank()) {
			throw new IllegalArgumentException("Site '" + site + "' needs a secret to sign its deliveries");
		}
		byte[] key;
		boolean standard = secret.startsWith(PREFIX);
		if (standard) {
			try {
				key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(
						"Site '" + site + "' has a secret that starts with whsec_ but is not base64 after it", ex);
			}
		}
		else {
			key = secret.getBytes(StandardCharsets.UTF_8);
		}
		int min = standard ? MIN_STANDARD_BYTES : MIN_PLAIN_BYTES;
		if (key.length < min || key.length > MAX_BYTES) {
			throw new IllegalArgumentException("Site '" + site + "' needs a secret of " + min + " to " + MAX_BYTES
					+ " bytes to sign its deliveries (it has " + key.length
					+ "); make one with: echo whsec_$(openssl rand -base64 32)");
		}
		return new WebhookSecret(key, standard);
	}

	/** A new random secret, as {@code whsec_<base64 of 32 bytes>}. */
	public static String generate() {
		byte[] key = new byte[32];
		new java.security.SecureRandom().nextBytes(key);
		return PREFIX + Base64.getEncoder().encodeToString(key);
	}

	byte[] key() {
		return this.key.clone();
	}

	/** Whether it was written {@code whsec_…}. */
	public boolean isStandard() {
		return this.standard;
	}

	/** The same key written as Standard Webhooks does, for a site's verifying library. */
	public String asStandard() {
		return PREFIX + Base64.getEncoder().encodeToString(this.key);
	}

	@Override
	public String toString() {
		// never the key
		return "WebhookSecret[" + this.key.length + " bytes]";
	}

}
