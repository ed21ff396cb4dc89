package io.pressline.publish.delivery;

import java.net.URI;
import java.util.List;

/**
 * A downstream site that takes published articles over HTTP rather than from Kafka.
 *
 * @param name the site's name, in the delivery log and dead letters
 * @param webhookUrl where each event is posted
 * @param secrets the keys its deliveries are signed with, shared with the site only: the
 * current one first, then any older one still honoured while the site rotates its key
 * (every delivery carries one signature for each)
 * @param sections the sections it takes; empty for every section
 * @param format the body it takes
 * @param legacySignature whether the pre-Standard-Webhooks headers
 * ({@code Pressline-Signature}, {@code Pressline-Timestamp}) are sent too
 */
public record Site(String name, URI webhookUrl, List<WebhookSecret> secrets, List<String> sections, Format format,
		boolean legacySignature) {

	public Site {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A site needs a name");
		}
		if (webhookUrl == null || !webhookUrl.isAbsolute()) {
			throw new IllegalArgumentException("Site '" + name + "' needs an absolute webhook-url");
		}
		if (secrets == null || secrets.isEmpty()) {
			throw new IllegalArgumentException("Site '" + name + "' needs a secret to sign its deliveries");
		}
		secrets = List.copyOf(secrets);
		sections = (sections != null) ? List.copyOf(sections) : List.of();
		format = (format != null) ? format : Format.JSON;
	}

	/** A site with one secret, taking Pressline's JSON, with the old headers too. */
	public Site(String name, URI webhookUrl, String secret, List<String> sections) {
		this(name, webhookUrl, List.of(WebhookSecret.parse(name, secret)), sections, Format.JSON, true);
	}

	/** Whether the site takes events of this section. */
	public boolean takes(String section) {
		return this.sections.isEmpty() || this.sections.contains(section);
	}

	@Override
	public String toString() {
		// never the secret
		return "Site[" + this.name + " " + this.webhookUrl + " " + this.sections + " " + this.format + "]";
	}

	/** The body of a delivery. */
	public enum Format {

		/** The event as Pressline's JSON, the same as the read API's. */
		JSON,

		/** The article as an IPTC ninjs 3.1 document. */
		NINJS

	}

}
