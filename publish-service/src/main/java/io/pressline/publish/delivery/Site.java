package io.pressline.publish.delivery;

import java.net.URI;
import java.util.List;

/**
 * A downstream site that takes published articles over HTTP rather than from Kafka.
 *
 * @param name the site's name, in the delivery log and dead letters
 * @param webhookUrl where each event is posted
 * @param secret the key of the signature header; shared with the site only
 * @param sections the sections it takes; empty for every section
 */
public record Site(String name, URI webhookUrl, String secret, List<String> sections) {

	public Site {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A site needs a name");
		}
		if (webhookUrl == null || !webhookUrl.isAbsolute()) {
			throw new IllegalArgumentException("Site '" + name + "' needs an absolute webhook-url");
		}
		if (secret == null || secret.length() < 16) {
			throw new IllegalArgumentException(
					"Site '" + name + "' needs a secret of at least 16 characters to sign its deliveries");
		}
		sections = (sections != null) ? List.copyOf(sections) : List.of();
	}

	/** Whether the site takes events of this section. */
	public boolean takes(String section) {
		return this.sections.isEmpty() || this.sections.contains(section);
	}

	@Override
	public String toString() {
		// never the secret
		return "Site[" + this.name + " " + this.webhookUrl + " " + this.sections + "]";
	}

}
