package io.pressline.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The API keys a service accepts, each naming a caller and the roles it has. Only the
 * keys' SHA-256 digests are kept; a presented key is digested and looked up, so no key is
 * compared character by character.
 */
public final class ApiKeys {

	/** Shorter keys are refused at start-up: they can be guessed. */
	static final int MIN_LENGTH = 24;

	/** The roles a caller can have. */
	public enum Role {

		/** Submits, changes and retracts articles, previews enrichment. */
		EDITOR,

		/**
		 * Operates the pipeline: metrics and health details, dead letters, status page.
		 */
		ADMIN

	}

	/**
	 * Who presented a key.
	 *
	 * @param name the key's name, for logs
	 * @param roles what it may do
	 */
	public record Caller(String name, Set<Role> roles) {
	}

	/**
	 * One configured key.
	 *
	 * @param name a name for logs and audits, such as the desk or the tool using it
	 * @param key the secret itself, at least {@value #MIN_LENGTH} characters
	 * @param roles what the key may do
	 */
	public record ApiKey(String name, String key, Set<Role> roles) {
	}

	private final Map<String, Caller> byDigest;

	private ApiKeys(Map<String, Caller> byDigest) {
		this.byDigest = byDigest;
	}

	/**
	 * Checks and takes the configured keys.
	 * @throws IllegalArgumentException naming the first key that is unusable
	 */
	public static ApiKeys of(List<ApiKey> keys) {
		Map<String, Caller> byDigest = new HashMap<>();
		Set<String> names = new HashSet<>();
		for (int i = 0; i < keys.size(); i++) {
			ApiKey key = keys.get(i);
			String where = "pressline.security.api-keys[" + i + "]";
			if (key.name() == null || key.name().isBlank()) {
				throw new IllegalArgumentException(where + ".name is missing");
			}
			if (!names.add(key.name())) {
				throw new IllegalArgumentException(where + ".name '" + key.name() + "' is used twice");
			}
			if (key.key() == null || key.key().length() < MIN_LENGTH) {
				throw new IllegalArgumentException(
						where + ".key of '" + key.name() + "' must have at least " + MIN_LENGTH + " characters");
			}
			if (key.roles() == null || key.roles().isEmpty()) {
				throw new IllegalArgumentException(
						where + ".roles of '" + key.name() + "' is empty: give EDITOR, " + "ADMIN or both");
			}
			if (byDigest.put(digest(key.key()), new Caller(key.name(), EnumSet.copyOf(key.roles()))) != null) {
				throw new IllegalArgumentException(where + ".key of '" + key.name() + "' is another key's too");
			}
		}
		return new ApiKeys(Map.copyOf(byDigest));
	}

	/** The caller a presented key belongs to, if it is one of ours. */
	public Optional<Caller> find(String presented) {
		return (presented == null || presented.isEmpty()) ? Optional.empty()
				: Optional.ofNullable(this.byDigest.get(digest(presented)));
	}

	public boolean isEmpty() {
		return this.byDigest.isEmpty();
	}

	private static String digest(String key) {
		try {
			return java.util.HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

}
