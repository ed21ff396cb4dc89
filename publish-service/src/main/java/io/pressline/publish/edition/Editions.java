package io.pressline.publish.edition;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

import io.pressline.event.ArticleEnriched;
import io.pressline.event.ArticlePublished;
import io.pressline.event.ArticleSubmitted;
import io.pressline.event.Enrichment;
import io.pressline.event.PublicationEventType;
import io.pressline.publish.rules.Decision;

/**
 * Builds the events downstream sites receive: a full snapshot of each published version,
 * with its slug, canonical URL and HTML body, and the retraction that takes it down.
 */
public final class Editions {

	private static final int MAX_SLUG_WORDS_LENGTH = 80;

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

	private final String baseUrl;

	/**
	 * @param baseUrl the newsroom site's address, such as
	 * {@code https://news.example.org}, that canonical URLs start with
	 */
	public Editions(String baseUrl) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/**
	 * The event for a version the publication rules decided to publish.
	 * @param enriched the version with its enrichment
	 * @param decision the publication rules' decision
	 * @param previous the article's last published event, whose slug is kept, if any
	 * @param now the publication time
	 */
	public ArticlePublished edition(ArticleEnriched enriched, Decision.Publish decision, ArticlePublished previous,
			Instant now) {
		ArticleSubmitted draft = enriched.getSubmission();
		String slug = (previous != null && !previous.getSlug().isEmpty()) ? previous.getSlug()
				: slug(draft.getHeadline(), draft.getArticleId());
		return ArticlePublished.newBuilder()
			.setArticleId(draft.getArticleId())
			.setVersion(draft.getVersion())
			.setEventType(decision.eventType())
			.setSlug(slug)
			.setCanonicalUrl(canonicalUrl(decision.section(), slug))
			.setHeadline(draft.getHeadline())
			.setBody(draft.getBody())
			.setBodyHtml(html(draft.getBody()))
			.setByline(draft.getByline())
			.setSection(decision.section())
			.setLanguage((draft.getLanguage() != null) ? draft.getLanguage() : enriched.getEnrichment().getLanguage())
			.setNote((decision.eventType() == PublicationEventType.CORRECTED) ? draft.getNote() : null)
			.setEnrichment(enriched.getEnrichment())
			.setSubmittedAt(draft.getSubmittedAt())
			.setFirstPublishedAt(decision.firstPublishedAt())
			.setPublishedAt(now)
			.setEmbargoUntil(draft.getEmbargoUntil())
			.build();
	}

	/**
	 * The event that takes a published article down: its address and headline stay, so
	 * sites can find the page to remove, its text and tags go.
	 * @param retraction the retraction as submitted
	 * @param empty the enrichment of a text-less event
	 * @param last the article's last published event
	 * @param now the retraction time
	 */
	public ArticlePublished retraction(ArticleSubmitted retraction, Enrichment empty, ArticlePublished last,
			Instant now) {
		return ArticlePublished.newBuilder(last)
			.setVersion(retraction.getVersion())
			.setEventType(PublicationEventType.RETRACTED)
			.setBody("")
			.setBodyHtml("")
			.setNote(retraction.getNote())
			.setEnrichment(empty)
			.setSubmittedAt(retraction.getSubmittedAt())
			.setPublishedAt(now)
			// the embargo of the last version says nothing about the retraction
			.setEmbargoUntil(null)
			.build();
	}

	/** Where the article lives on the newsroom's site. */
	public String canonicalUrl(String section, String slug) {
		return this.baseUrl + "/" + section + "/" + slug;
	}

	/**
	 * A URL slug: the headline's words in lower-case ASCII joined by hyphens (at most
	 * about 80 characters, cut at a word), then the start of the article id, so two
	 * articles with the same headline never share an address.
	 */
	public static String slug(String headline, String articleId) {
		String ascii = MARKS.matcher(Normalizer.normalize(headline, Normalizer.Form.NFKD)).replaceAll("");
		String words = NOT_SLUG.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-").replaceAll("^-+|-+$", "");
		if (words.length() > MAX_SLUG_WORDS_LENGTH) {
			int cut = words.lastIndexOf('-', MAX_SLUG_WORDS_LENGTH);
			words = words.substring(0, (cut > 0) ? cut : MAX_SLUG_WORDS_LENGTH);
		}
		String suffix = NOT_SLUG.matcher(articleId.toLowerCase(Locale.ROOT)).replaceAll("");
		suffix = suffix.substring(0, Math.min(8, suffix.length()));
		return words.isEmpty() ? suffix : words + "-" + suffix;
	}

	/**
	 * The body as HTML: a paragraph element per paragraph, a line break for a single line
	 * feed, and every character that means something in HTML escaped, so whatever a draft
	 * contains is shown as text and never runs as markup. Paragraphs are parted by a line
	 * feed, any blanks (space, tab, line feed, vertical tab, form feed, carriage return),
	 * and another line feed; each is stripped of white space, and a blank one is left
	 * out.
	 */
	public static String html(String body) {
		String text = body.strip();
		StringBuilder html = new StringBuilder(text.length() + text.length() / 16 + 64);
		// A scan rather than a regular expression's split: this runs over every body
		// published, and the split with its substrings was a tenth of the publisher's
		// time in the load profile.
		int start = 0;
		int newline = text.indexOf('\n');
		while (newline >= 0) {
			int end = newline + 1;
			int lastNewline = -1;
			while (end < text.length() && isBlank(text.charAt(end))) {
				if (text.charAt(end) == '\n') {
					lastNewline = end;
				}
				end++;
			}
			if (lastNewline >= 0) {
				paragraph(text, start, newline, html);
				start = lastNewline + 1;
			}
			newline = text.indexOf('\n', end);
		}
		paragraph(text, start, text.length(), html);
		return html.toString();
	}

	/**
	 * A blank between paragraphs: what {@code \s} matches in a Java regular expression.
	 */
	private static boolean isBlank(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
	}

	private static void paragraph(String text, int from, int to, StringBuilder html) {
		int start = from;
		int end = to;
		while (start < end && Character.isWhitespace(text.charAt(start))) {
			start++;
		}
		while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
			end--;
		}
		if (start == end) {
			return;
		}
		html.append("<p>");
		escape(text, start, end, html);
		html.append("</p>\n");
	}

	private static void escape(String text, int from, int to, StringBuilder out) {
		int plain = from;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c > '>') {
				// Nothing above '>' is escaped: most of a body.
				continue;
			}
			String entity = switch (c) {
				case '&' -> "&amp;";
				case '<' -> "&lt;";
				case '>' -> "&gt;";
				case '"' -> "&quot;";
				case '\'' -> "&#39;";
				case '\n' -> "<br>";
				default -> null;
			};
			if (entity != null) {
				out.append(text, plain, i).append(entity);
				plain = i + 1;
			}
		}
		out.append(text, plain, to);
	}

}
