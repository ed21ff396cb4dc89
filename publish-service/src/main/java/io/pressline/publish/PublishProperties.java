package io.pressline.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import io.pressline.publish.delivery.Site;
import io.pressline.publish.delivery.WebhookDelivery;
import io.pressline.publish.delivery.WebhookSecret;
import io.pressline.publish.rules.RuleSettings;

/**
 * How the newsroom publishes and to whom, in one place ({@code pressline.publish} in
 * {@code application.yml}, or environment variables): sections and their rules, the sites
 * that take articles by webhook, feeds and event streams.
 *
 * @param baseUrl the newsroom site's address, that canonical URLs start with
 * @param sections the sections articles may be published in; each also gets its own
 * topic, {@code sectionTopicPrefix} + section; empty accepts any section
 * @param defaultSection where an article without a section goes
 * @param requiredFields draft fields required before publication (byline, section,
 * language)
 * @param sectionTopicPrefix prefix of the per-section topics
 * @param feedSize how many articles a feed lists
 * @param sites downstream sites that take events by webhook
 * @param webhooks how webhook deliveries are retried and where failures go
 * @param streams limits of the Server-Sent Events streams
 * @param store the on-disk stores of this instance (the published articles, the
 * publication state of the partitions it owns)
 */
@ConfigurationProperties("pressline.publish")
public record PublishProperties(String baseUrl, List<String> sections, String defaultSection,
		Set<String> requiredFields, String sectionTopicPrefix, int feedSize, List<SiteSettings> sites,
		Webhooks webhooks, Streams streams, Store store) {

	public PublishProperties {
		sections = (sections != null) ? List.copyOf(sections) : List.of();
		requiredFields = (requiredFields != null) ? Set.copyOf(requiredFields) : Set.of();
		sites = (sites != null) ? List.copyOf(sites) : List.of();
		store = (store != null) ? store : new Store(null, DataSize.ofMegabytes(16));
	}

	public RuleSettings rules() {
		return new RuleSettings(this.sections, this.defaultSection, this.requiredFields);
	}

	/** The topic of one section's events. */
	public String sectionTopic(String section) {
		return this.sectionTopicPrefix + section;
	}

	/** The configured sites, checked. */
	public List<Site> webhookSites() {
		List<Site> checked = this.sites.stream().map(SiteSettings::site).toList();
		for (Site site : checked) {
			for (String section : site.sections()) {
				if (!this.sections.isEmpty() && !this.sections.contains(section)) {
					throw new IllegalArgumentException("Site '" + site.name() + "' takes section '" + section
							+ "', which is not one of " + this.sections);
				}
			}
		}
		return checked;
	}

	/**
	 * A site as configured.
	 *
	 * @param name its name
	 * @param webhookUrl where events are posted
	 * @param secret the signing key, {@code whsec_<base64>} (a plain secret of 16
	 * characters or more is still taken, as its UTF-8 bytes)
	 * @param secrets instead of {@code secret} while the key is rotated: the new key
	 * first, then the old one; every delivery is signed with each
	 * @param sections the sections it takes; empty for all
	 * @param format {@code json} (Pressline's event JSON, the default) or {@code ninjs}
	 * (IPTC ninjs 3.1)
	 * @param legacySignature whether the old {@code Pressline-Signature} and
	 * {@code Pressline-Timestamp} headers are sent beside the Standard Webhooks ones
	 * (default true, for the migration)
	 */
	public record SiteSettings(String name, URI webhookUrl, String secret, List<String> secrets, List<String> sections,
			Site.Format format, Boolean legacySignature) {

		Site site() {
			if (this.secret != null && this.secrets != null && !this.secrets.isEmpty()) {
				throw new IllegalArgumentException(
						"Site '" + this.name + "' sets both secret and secrets; keep secrets only while rotating");
			}
			List<String> given = (this.secrets != null && !this.secrets.isEmpty()) ? this.secrets
					: (this.secret != null) ? List.of(this.secret) : List.of();
			List<WebhookSecret> keys = given.stream().map((key) -> WebhookSecret.parse(this.name, key)).toList();
			return new Site(this.name, this.webhookUrl, keys, this.sections, this.format,
					this.legacySignature == null || this.legacySignature);
		}

	}

	/**
	 * Webhook delivery settings.
	 *
	 * @param maxAttempts attempts before an event goes to the dead letters
	 * @param initialBackoff wait after the first failure
	 * @param multiplier growth of each wait
	 * @param maxBackoff longest wait
	 * @param timeout how long one attempt waits for an answer
	 * @param deadLetterTopic where undeliverable events go, with the site and the error
	 * in headers
	 * @param logSize attempts the delivery log keeps
	 */
	public record Webhooks(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff,
			Duration timeout, String deadLetterTopic, int logSize) {

		public WebhookDelivery.Retry retry() {
			return new WebhookDelivery.Retry(this.maxAttempts, this.initialBackoff, this.multiplier, this.maxBackoff,
					this.timeout);
		}

	}

	/**
	 * Where this instance keeps what it knows on disk: the stores are made new at every
	 * start, rebuilt from Kafka, and removed on stop, so memory does not grow with the
	 * archive; only each store's page cache is on the heap.
	 *
	 * @param directory where each store's directory is made; the system's temporary
	 * directory when not set
	 * @param cacheSize the page cache of each store
	 */
	public record Store(Path directory, DataSize cacheSize) {

		/** A new directory for one store. */
		public Path newDirectory(String prefix) {
			try {
				return (this.directory != null)
						? Files.createTempDirectory(Files.createDirectories(this.directory), prefix)
						: Files.createTempDirectory(prefix);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot make the directory of a store (" + prefix + ") in "
						+ ((this.directory != null) ? this.directory : "the temporary directory"), ex);
			}
		}

		/** The page cache, in whole megabytes as the store takes it (at least one). */
		public int cacheMegabytes() {
			return (int) Math.max(1, this.cacheSize.toMegabytes());
		}

	}

	/**
	 * Server-Sent Events settings.
	 *
	 * @param maxOpen streams open at once
	 * @param timeout how long a stream stays open before the client reconnects
	 * @param heartbeat how often an idle stream sends a comment
	 */
	public record Streams(int maxOpen, Duration timeout, Duration heartbeat) {
	}

}
