package io.pressline.enrich.nlp.meta;

/**
 * An IPTC Media Topic the article is about.
 *
 * @param code the Media Topic code ({@code medtop:11000000})
 * @param label its English label ({@code politics})
 * @param score how strongly the article is about it, from 0 to 1 (the leading topic is 1)
 * @param confidence how sure the classifier is that the article is about it at all, from
 * 0 to 1, on the evidence for this topic alone
 */
public record Topic(String code, String label, double score, double confidence) {
}
