package io.pressline.enrich.nlp.ner;

/**
 * One place in the text where an entity is named.
 *
 * @param start offset of the first character in the article text
 * @param end offset just past the last character
 * @param text the text at those offsets
 * @param type what kind of entity it names
 * @param value the normalised value of a DATE (ISO 8601) or MONEY ({@code 120000000 EUR})
 * mention, otherwise {@code null}
 */
public record Mention(int start, int end, String text, EntityType type, String value) {

	public Mention {
		if (start < 0 || end <= start) {
			throw new IllegalArgumentException("Bad mention span " + start + ".." + end);
		}
	}

	/** A name mention, without a normalised value. */
	public Mention(int start, int end, String text, EntityType type) {
		this(start, end, text, type, null);
	}

	public int length() {
		return this.end - this.start;
	}

	public boolean overlaps(Mention other) {
		return this.start < other.end && other.start < this.end;
	}

}
