package io.pressline.publish.rules;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The newsroom's settings for the publication rules: sections and required fields.
 *
 * @param sections the sections articles may be published in; empty accepts any section
 * @param defaultSection where an article without a section is published
 * @param requiredFields draft fields that must be filled before publication, among
 * {@code byline}, {@code section} and {@code language}
 */
public record RuleSettings(List<String> sections, String defaultSection, Set<String> requiredFields) {

	/** The draft fields a rule may require. */
	public static final Set<String> REQUIRABLE = Set.of("byline", "section", "language");

	public RuleSettings {
		sections = List.copyOf(sections);
		// Written in any letter case in the configuration; held and checked in lower
		// case.
		requiredFields = requiredFields.stream()
			.map((field) -> field.strip().toLowerCase(Locale.ROOT))
			.collect(java.util.stream.Collectors.toUnmodifiableSet());
		if (defaultSection == null || defaultSection.isBlank()) {
			throw new IllegalArgumentException("A default section is needed for articles without one");
		}
		if (!sections.isEmpty() && !sections.contains(defaultSection)) {
			throw new IllegalArgumentException(
					"The default section '" + defaultSection + "' is not one of the sections " + sections);
		}
		for (String field : requiredFields) {
			if (!REQUIRABLE.contains(field)) {
				throw new IllegalArgumentException(
						"'" + field + "' cannot be required; the fields that can are " + REQUIRABLE);
			}
		}
	}

	/** Rules that accept any section and require nothing beyond headline and body. */
	public static RuleSettings open(String defaultSection) {
		return new RuleSettings(List.of(), defaultSection, Set.of());
	}

	/** Whether articles may be published in this section. */
	public boolean knows(String section) {
		return this.sections.isEmpty() || this.sections.contains(section);
	}

}
