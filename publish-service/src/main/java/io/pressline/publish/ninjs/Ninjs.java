package io.pressline.publish.ninjs;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.pressline.event.ArticlePublished;
import io.pressline.event.Entity;
import io.pressline.event.Enrichment;
import io.pressline.event.PublicationEventType;
import io.pressline.event.Topic;

/**
 * A published article as an IPTC ninjs 3.1 document, for sites that take the newsroom
 * standard rather than Pressline's own JSON: the read API, the JSON Feed's {@code _ninjs}
 * items and the webhooks of sites configured {@code format: ninjs} all write it from
 * here.
 * <p>
 * What goes where: the id as {@code uri} ({@code urn:uuid:} for UUIDs, as the Atom feed
 * has it); the version as a string; first publication and this version as
 * {@code firstCreated}/{@code versionCreated}; {@code pubStatus} {@code usable}, or
 * {@code canceled} for a retraction; {@code embargoedUntil} for a version that was under
 * embargo (see {@link #embargoedUntil}); the headline, the body as text and as HTML, the
 * byline ({@code by}), the summary ({@code descriptions}, role {@code summary}) and a
 * correction or retraction note (role {@code correction} or {@code retraction}); IPTC
 * Media Topics as {@code subjects} with their {@code http://cv.iptc.org/newscodes/} URI
 * and {@code relevance} 0–100 (how it ranks against the article's other topics) and
 * {@code confidence} 0–100 (how sure the classifier is of it, where the event says);
 * people, organisations and places with {@code rel} {@code about} or {@code mentions},
 * the linked {@code uri} (GeoNames, Wikidata, the ISO page of a country) or the id as
 * {@code literal}, and a place's coordinates as a GeoJSON point. Dates and amounts have
 * no place in ninjs and are left out; so are quotes.
 */
public final class Ninjs {

	/** The ninjs version written. */
	public static final String VERSION = "3.1";

	/** The JSON Schema the documents conform to. */
	public static final String SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#";

	private static final String MEDIA_TOPIC = "http://cv.iptc.org/newscodes/mediatopic/";

	private static final String ISO_COUNTRY = "https://www.iso.org/obp/ui/#iso:code:3166:";

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private Ninjs() {
	}

	/** The document as JSON text. */
	public static String render(ArticlePublished article) {
		return mapper.writeValueAsString(document(article));
	}

	/** The document as a tree. */
	public static ObjectNode document(ArticlePublished article) {
		boolean retracted = article.getEventType() == PublicationEventType.RETRACTED;
		Enrichment enrichment = article.getEnrichment();
		ObjectNode ninjs = nodes.objectNode();
		ninjs.put("uri", uri(article.getArticleId()));
		ninjs.put("type", "text");
		ninjs.put("representationType", "full");
		ninjs.putObject("standard").put("name", "ninjs").put("version", VERSION).put("schema", SCHEMA);
		ninjs.put("version", Integer.toString(article.getVersion()));
		ninjs.put("firstCreated", article.getFirstPublishedAt().toString());
		ninjs.put("versionCreated", article.getPublishedAt().toString());
		ninjs.put("pubStatus", retracted ? "canceled" : "usable");
		Instant embargo = retracted ? null : embargoedUntil(article);
		if (embargo != null) {
			ninjs.put("embargoedUntil", embargo.toString());
		}
		if (!article.getSlug().isEmpty()) {
			ninjs.put("slugline", article.getSlug());
		}
		if (article.getByline() != null && !article.getByline().isBlank()) {
			ninjs.put("by", article.getByline());
		}
		if (enrichment.getDateline() != null) {
			ninjs.put("located", enrichment.getDateline());
		}
		ninjs.put("language", article.getLanguage());
		ninjs.putArray("headlines")
			.addObject()
			.put("role", "main")
			.put("contentType", "text/plain")
			.put("value", article.getHeadline());
		if (!retracted && !article.getBody().isEmpty()) {
			ArrayNode bodies = ninjs.putArray("bodies");
			bodies.addObject()
				.put("role", "main")
				.put("contentType", "text/plain")
				.put("charCount", article.getBody().length())
				.put("value", article.getBody());
			if (!article.getBodyHtml().isEmpty()) {
				bodies.addObject()
					.put("role", "main")
					.put("contentType", "text/html")
					.put("value", article.getBodyHtml());
			}
		}
		ArrayNode descriptions = nodes.arrayNode();
		if (!retracted && enrichment.getSummary() != null) {
			descriptions.addObject()
				.put("role", "summary")
				.put("contentType", "text/plain")
				.put("value", enrichment.getSummary());
		}
		if (article.getNote() != null && !article.getNote().isBlank()) {
			descriptions.addObject()
				.put("role", retracted ? "retraction" : "correction")
				.put("contentType", "text/plain")
				.put("value", article.getNote());
		}
		putIfAny(ninjs, "descriptions", descriptions);
		if (article.getCanonicalUrl() != null) {
			ninjs.putArray("altIds").addObject().put("role", "canonical-url").put("value", article.getCanonicalUrl());
		}
		if (!retracted) {
			subjects(ninjs, enrichment);
			entities(ninjs, enrichment);
		}
		return ninjs;
	}

	private static void subjects(ObjectNode ninjs, Enrichment enrichment) {
		ArrayNode subjects = nodes.arrayNode();
		for (Topic topic : enrichment.getTopics()) {
			String code = topic.getCode();
			ObjectNode subject = subjects.addObject().put("name", topic.getLabel()).put("rel", "about");
			if (code.startsWith("medtop:")) {
				subject.put("uri", MEDIA_TOPIC + code.substring("medtop:".length()));
			}
			else {
				subject.put("literal", code);
			}
			subject.put("creator", enrichment.getEngine()).put("relevance", score(topic.getScore()));
			if (topic.getConfidence() != null) {
				subject.put("confidence", score(topic.getConfidence()));
			}
		}
		putIfAny(ninjs, "subjects", subjects);
	}

	private static void entities(ObjectNode ninjs, Enrichment enrichment) {
		ArrayNode people = nodes.arrayNode();
		ArrayNode organisations = nodes.arrayNode();
		ArrayNode places = nodes.arrayNode();
		for (Entity entity : enrichment.getEntities()) {
			ArrayNode into = switch (entity.getType()) {
				case PERSON -> people;
				case ORGANIZATION -> organisations;
				case LOCATION -> places;
				default -> null;
			};
			if (into == null) {
				continue;
			}
			ObjectNode item = into.addObject()
				.put("name", entity.getName())
				.put("rel", entity.getAbout() ? "about" : "mentions");
			String uri = entityUri(entity);
			if (uri != null) {
				item.put("uri", uri);
			}
			else {
				item.put("literal", entity.getId());
			}
			if (into == places && entity.getLatitude() != null && entity.getLongitude() != null) {
				ObjectNode point = item.putObject("geoJSON").put("type", "Point");
				// GeoJSON puts longitude first.
				point.putArray("coordinates").add(entity.getLongitude()).add(entity.getLatitude());
			}
		}
		putIfAny(ninjs, "people", people);
		putIfAny(ninjs, "organisations", organisations);
		putIfAny(ninjs, "places", places);
	}

	/**
	 * The time before which the version was embargoed, or {@code null} when it was not.
	 * In ninjs 3.1, {@code embargoedUntil} is the time before which the news object is
	 * embargoed, and its absence says that it is not. Pressline holds an embargoed
	 * version back until its embargo ends, so a site never receives one early: the field
	 * tells it that the version was embargoed and since when it may be used. An embargo
	 * time that had already passed when the version was submitted held nothing back, and
	 * is left out like no embargo at all; so are records written before schema v5, which
	 * do not carry the embargo.
	 */
	static Instant embargoedUntil(ArticlePublished article) {
		Instant embargo = article.getEmbargoUntil();
		return (embargo != null && embargo.isAfter(article.getSubmittedAt())) ? embargo : null;
	}

	/** The entity's public URI: the linked one, or the ISO page of a country. */
	static String entityUri(Entity entity) {
		if (entity.getUri() != null && !entity.getUri().isBlank()) {
			return entity.getUri();
		}
		String id = entity.getId();
		if (id.startsWith("iso3166-1:")) {
			return ISO_COUNTRY + id.substring("iso3166-1:".length());
		}
		return null;
	}

	/** An article id as the document's URI. */
	static String uri(String articleId) {
		try {
			UUID uuid = UUID.fromString(articleId);
			// fromString also takes shortened forms; only the canonical one is the id.
			if (uuid.toString().equalsIgnoreCase(articleId)) {
				return "urn:uuid:" + uuid;
			}
		}
		catch (IllegalArgumentException notUuid) {
			// not a UUID: named under Pressline's own URN below
		}
		return "urn:pressline:article:" + URLEncoder.encode(articleId, StandardCharsets.UTF_8);
	}

	private static int score(double fraction) {
		return (int) Math.round(Math.max(0, Math.min(1, fraction)) * 100);
	}

	private static void putIfAny(ObjectNode ninjs, String name, ArrayNode items) {
		if (!items.isEmpty()) {
			ninjs.set(name, items);
		}
	}

}
