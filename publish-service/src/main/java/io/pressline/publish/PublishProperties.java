package io.pressline.publish;

import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.pressline.publish.desk.DeskRules;

/**
 * How the newsroom publishes, in one place ({@code pressline.publish} in
 * {@code application.yml}, or environment variables).
 *
 * @param baseUrl the newsroom site's address, that canonical URLs start with
 * @param sections the sections articles may be published in; each also gets its own
 * topic, {@code sectionTopicPrefix} + section; empty accepts any section
 * @param defaultSection where an article without a section goes
 * @param requiredFields draft fields required before publication (byline, section,
 * language)
 * @param sectionTopicPrefix prefix of the per-section topics
 */
@ConfigurationProperties("pressline.publish")
public record PublishProperties(String baseUrl, List<String> sections, String defaultSection,
		Set<String> requiredFields, String sectionTopicPrefix) {

	public PublishProperties {
		sections = (sections != null) ? List.copyOf(sections) : List.of();
		requiredFields = (requiredFields != null) ? Set.copyOf(requiredFields) : Set.of();
	}

	public DeskRules rules() {
		return new DeskRules(this.sections, this.defaultSection, this.requiredFields);
	}

	/** The topic of one section's events. */
	public String sectionTopic(String section) {
		return this.sectionTopicPrefix + section;
	}

}
