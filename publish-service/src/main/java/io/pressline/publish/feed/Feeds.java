package io.pressline.publish.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;

import io.pressline.event.ArticlePublished;
import io.pressline.event.Topic;
import io.pressline.publish.ninjs.Ninjs;

/**
 * A section's latest articles as a feed, for sites that poll: Atom 1.0 (written by Rome)
 * and JSON Feed 1.1. Each item is the article's latest version, with its canonical URL,
 * HTML body, summary, byline, first-published and updated times, and its topics as
 * categories; each JSON Feed item also carries the article as ninjs 3.1 in its
 * {@code _ninjs} extension.
 */
public final class Feeds {

	/** The JSON Feed version this writes. */
	public static final String JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";

	/** What the {@code _ninjs} extension of the JSON Feed items is. */
	public static final String NINJS_ABOUT = "https://iptc.org/standards/ninjs/";

	private static final String NEWSROOM = "Pressline newsroom";

	private final String siteUrl;

	/**
	 * @param siteUrl the newsroom site's address, the feeds' home page
	 */
	public Feeds(String siteUrl) {
		this.siteUrl = siteUrl;
	}

	/**
	 * The Atom document.
	 * @param section the section, or {@code all}
	 * @param articles its articles, newest first
	 * @param selfUrl where the feed itself is served
	 */
	public String atom(String section, List<ArticlePublished> articles, String selfUrl) {
		Feed feed = new Feed("atom_1.0");
		feed.setId("urn:pressline:feed:" + section);
		feed.setTitle(title(section));
		feed.setUpdated(Date.from(updated(articles)));
		feed.setAlternateLinks(List.of(link("alternate", this.siteUrl, "text/html")));
		feed.setOtherLinks(List.of(link("self", selfUrl, "application/atom+xml")));
		feed.setAuthors(List.of(person(NEWSROOM)));
		List<Entry> entries = new ArrayList<>();
		for (ArticlePublished article : articles) {
			Entry entry = new Entry();
			entry.setId("urn:uuid:" + article.getArticleId());
			entry.setTitle(article.getHeadline());
			entry.setAlternateLinks(List.of(link("alternate", article.getCanonicalUrl(), "text/html")));
			entry.setPublished(Date.from(article.getFirstPublishedAt()));
			entry.setUpdated(Date.from(article.getPublishedAt()));
			if (article.getByline() != null) {
				entry.setAuthors(List.of(person(author(article.getByline()))));
			}
			String summary = article.getEnrichment().getSummary();
			if (summary != null) {
				Content text = new Content();
				text.setType(Content.TEXT);
				text.setValue(summary);
				entry.setSummary(text);
			}
			Content html = new Content();
			html.setType(Content.HTML);
			html.setValue(article.getBodyHtml());
			entry.setContents(List.of(html));
			List<Category> categories = new ArrayList<>();
			for (Topic topic : article.getEnrichment().getTopics()) {
				Category category = new Category();
				category.setTerm(topic.getCode());
				category.setLabel(topic.getLabel());
				category.setScheme("http://cv.iptc.org/newscodes/mediatopic/");
				categories.add(category);
			}
			entry.setCategories(categories);
			entries.add(entry);
		}
		feed.setEntries(entries);
		try {
			return new WireFeedOutput().outputString(feed);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("The Atom feed of " + section + " could not be written", ex);
		}
	}

	/**
	 * The JSON Feed document, as a tree for any JSON writer.
	 * @param section the section, or {@code all}
	 * @param articles its articles, newest first
	 * @param selfUrl where the feed itself is served
	 */
	public Map<String, Object> jsonFeed(String section, List<ArticlePublished> articles, String selfUrl) {
		Map<String, Object> feed = new LinkedHashMap<>();
		feed.put("version", JSON_FEED_VERSION);
		feed.put("title", title(section));
		feed.put("home_page_url", this.siteUrl);
		feed.put("feed_url", selfUrl);
		feed.put("authors", List.of(Map.of("name", NEWSROOM)));
		List<Map<String, Object>> items = new ArrayList<>();
		for (ArticlePublished article : articles) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("id", article.getArticleId());
			item.put("url", article.getCanonicalUrl());
			item.put("title", article.getHeadline());
			item.put("content_html", article.getBodyHtml());
			item.put("content_text", article.getBody());
			if (article.getEnrichment().getSummary() != null) {
				item.put("summary", article.getEnrichment().getSummary());
			}
			item.put("date_published", article.getFirstPublishedAt().toString());
			item.put("date_modified", article.getPublishedAt().toString());
			if (article.getByline() != null) {
				item.put("authors", List.of(Map.of("name", author(article.getByline()))));
			}
			item.put("tags", article.getEnrichment().getTopics().stream().map(Topic::getLabel).toList());
			item.put("language", article.getLanguage());
			item.put("_ninjs", ninjsExtension(article));
			items.add(item);
		}
		feed.put("items", items);
		return feed;
	}

	/**
	 * The JSON Feed extension that carries the item as an IPTC ninjs 3.1 document, for
	 * sites that read ninjs: {@code about} says what the extension is, {@code document}
	 * holds it.
	 */
	private static Map<String, Object> ninjsExtension(ArticlePublished article) {
		Map<String, Object> extension = new LinkedHashMap<>();
		extension.put("about", NINJS_ABOUT);
		extension.put("version", Ninjs.VERSION);
		extension.put("document", Ninjs.document(article));
		return extension;
	}

	private static String title(String section) {
		return "all".equals(section) ? NEWSROOM + ": every section" : NEWSROOM + ": " + section;
	}

	private static Instant updated(List<ArticlePublished> articles) {
		return articles.stream().map(ArticlePublished::getPublishedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
	}

	/** A byline without its leading "By". */
	static String author(String byline) {
		return byline.regionMatches(true, 0, "By ", 0, 3) ? byline.substring(3).strip() : byline;
	}

	private static Link link(String rel, String href, String type) {
		Link link = new Link();
		link.setRel(rel);
		link.setHref(href);
		link.setType(type);
		return link;
	}

	private static Person person(String name) {
		Person person = new Person();
		person.setName(name);
		return person;
	}

}
