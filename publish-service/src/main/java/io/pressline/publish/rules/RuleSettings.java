package io.pressline.publish.desk;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The newsroom's publication rules the desk applies.
 *
 * @param sections the sections articles may be published in; empty accepts any section
 * @param defaultSection where an article without a section is published
 * @param requiredFields draft fields that must be filled before publication, among
 * {@code byline}, {@code section} and {@code language}
 */
public record DeskRules(List<String> sections, String defaultSection, Set<String> requiredFields) {

	/** The draft fields a rule may require. */
	public static final Set<String> REQUIRABLE = Set.of("byline", "section", "language");

	public DeskRules {
		sections = List.copyOf(sections);
		requiredFields = Set.copyOf(requiredFields);
		if (defaultSection == null || defaultSection.isBlank()) {
			throw new IllegalArgumentException("A default section is needed for articles without one");
		}
		if (!sections.isEmpty() && !sections.contains(defaultSection)) {
			throw new IllegalArgumentException(
					"The default section '" + defaultSection + "' is not one of the sections " + sections);
		}
		for (String field : requiredFields) {
			if (!REQUIRABLE.contains(field.toLowerCase(Locale.ROOT))) {
				throw new IllegalArgumentException(
						"'" + field + "' cannot be required; the fields that can are " + REQUIRABLE);
			}
		}
	}

	/** Rules that accept any section and require nothing beyond headline and body. */
	public static DeskRules open(String defaultSection) {
		return new DeskRules(List.of(), defaultSection, Set.of());
	}

	/** Whether articles may be published in this section. */
	public boolean knows(String section) {
		return this.sections.isEmpty() || this.sections.contains(section);
	}

}
