package io.pressline.enrich.nlp.ner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.pressline.enrich.kb.EntityLinker;
import io.pressline.enrich.kb.Link;
import io.pressline.enrich.nlp.Document;

/**
 * Turns mentions into entities: a surname or first name alone joins the person named in
 * full, an acronym or a short form joins the organisation it abbreviates, a place joins
 * the other mentions linked to the same id. Each entity is linked, named canonically and
 * scored for salience (mentions in the headline and the lead count more, and so does an
 * early first mention).
 */
public final class EntityResolver {

	/**
	 * Salience from which an entity is what the article is about, not merely mentioned.
	 */
	static final double ABOUT = 0.6;

	private final EntityLinker linker;

	public EntityResolver(EntityLinker linker) {
		this.linker = linker;
	}

	public List<Entity> resolve(Document document, List<Mention> mentions, Set<String> contextCountries) {
		Map<String, Group> groups = new LinkedHashMap<>();
		groupPeople(mentions, groups);
		groupOrganisations(document.text(), mentions, groups, contextCountries);
		groupPlaces(mentions, groups, contextCountries);
		for (Mention mention : mentions) {
			if (mention.type() == EntityType.DATE || mention.type() == EntityType.MONEY) {
				groups.computeIfAbsent(mention.type() + "|" + mention.value(), (k) -> new Group(mention.type()))
					.add(mention);
			}
		}
		List<Entity> entities = new ArrayList<>();
		double top = groups.values().stream().mapToDouble((g) -> g.weight(document)).max().orElse(1);
		for (Group group : groups.values()) {
			entities.add(group.toEntity(document, top, contextCountries));
		}
		entities.sort(Comparator.comparingDouble(Entity::salience)
			.reversed()
			.thenComparingInt((e) -> e.mentions().get(0).start()));
		return entities;
	}

	private void groupPeople(List<Mention> mentions, Map<String, Group> groups) {
		List<Mention> people = mentions.stream().filter((m) -> m.type() == EntityType.PERSON).toList();
		List<String> names = people.stream().map((m) -> bare(m.text())).distinct().toList();
		// A full name is one no other name in the article contains; every other name is
		// a short form of the nearest full name that contains it, whichever part it is.
		List<String> fullNames = names.stream()
			.filter((name) -> names.stream()
				.noneMatch((other) -> other.length() > name.length() && partOf(name, other)))
			.toList();
		for (Mention mention : people) {
			String name = bare(mention.text());
			if (fullNames.contains(name)) {
				groups.computeIfAbsent("PERSON|" + name, (k) -> new Group(EntityType.PERSON)).add(mention);
			}
		}
		for (Mention mention : people) {
			String name = bare(mention.text());
			if (fullNames.contains(name)) {
				continue;
			}
			Group full = fullNameFor(name, mention.start(), groups);
			if (full != null) {
				full.add(mention);
			}
			else {
				groups.computeIfAbsent("PERSON|" + name, (k) -> new Group(EntityType.PERSON)).add(mention);
			}
		}
	}

	/**
	 * Whether a short name is part of a full one: a run of its words or of the parts of a
	 * hyphenated word, whatever the case of a particle ({@code Dela Cruz} in
	 * {@code Maria Lourdes dela Cruz}, {@code Manso} in {@code Akosua Frimpong-Manso}).
	 */
	static boolean partOf(String shortName, String fullName) {
		List<String> full = words(fullName);
		List<String> part = words(shortName);
		if (part.isEmpty() || part.size() >= full.size()) {
			return false;
		}
		if (java.util.Collections.indexOfSubList(full, part) >= 0) {
			return true;
		}
		List<String> pieces = new ArrayList<>();
		for (String word : full) {
			pieces.addAll(List.of(word.split("-")));
		}
		return part.size() == 1 && pieces.contains(part.get(0));
	}

	private static List<String> words(String name) {
		return List.of(name.toLowerCase(Locale.ROOT).split(" "));
	}

	/**
	 * The person, named in full in this article, whose surname (or else any other part of
	 * the name) this is; the nearest if several.
	 */
	private static Group fullNameFor(String name, int offset, Map<String, Group> groups) {
		Group bySurname = null;
		Group byPart = null;
		for (Map.Entry<String, Group> entry : groups.entrySet()) {
			if (!entry.getKey().startsWith("PERSON|")) {
				continue;
			}
			String full = entry.getKey().substring("PERSON|".length());
			if (!partOf(name, full)) {
				continue;
			}
			if (full.toLowerCase(Locale.ROOT).endsWith(" " + name.toLowerCase(Locale.ROOT))) {
				bySurname = nearer(bySurname, entry.getValue(), offset);
			}
			else {
				byPart = nearer(byPart, entry.getValue(), offset);
			}
		}
		return (bySurname != null) ? bySurname : byPart;
	}

	private static Group nearer(Group current, Group candidate, int offset) {
		if (current == null) {
			return candidate;
		}
		return (candidate.distanceTo(offset) < current.distanceTo(offset)) ? candidate : current;
	}

	private void groupOrganisations(String text, List<Mention> mentions, Map<String, Group> groups,
			Set<String> contextCountries) {
		List<Mention> organisations = mentions.stream().filter((m) -> m.type() == EntityType.ORGANIZATION).toList();
		List<Mention> later = new ArrayList<>();
		for (Mention mention : organisations) {
			String name = bare(mention.text());
			Optional<Link> link = this.linker.link(EntityType.ORGANIZATION, List.of(name), contextCountries);
			if (link.isPresent()) {
				groups.computeIfAbsent("ORGANIZATION|" + link.get().id(), (k) -> new Group(EntityType.ORGANIZATION))
					.add(mention);
			}
			else if (isAcronym(name) || !name.contains(" ") || organisations.stream()
				.anyMatch((o) -> bare(o.text()).length() > name.length() && partOf(name, bare(o.text())))) {
				later.add(mention);
			}
			else {
				groups.computeIfAbsent("ORGANIZATION|" + name, (k) -> new Group(EntityType.ORGANIZATION)).add(mention);
			}
		}
		for (Mention mention : later) {
			String name = bare(mention.text());
			Group defined = definedBefore(text, name, groups);
			if (defined != null) {
				defined.add(mention);
				continue;
			}
			Group expansion = groups.values()
				.stream()
				.filter((g) -> g.type == EntityType.ORGANIZATION)
				.filter((g) -> g.names()
					.stream()
					.anyMatch((full) -> abbreviates(name, full) || (name.contains(" ") && partOf(name, full))))
				.findFirst()
				.orElse(null);
			if (expansion != null) {
				expansion.add(mention);
			}
			else {
				groups.computeIfAbsent("ORGANIZATION|" + name, (k) -> new Group(EntityType.ORGANIZATION)).add(mention);
			}
		}
	}

	/**
	 * The organisation an acronym was defined for:
	 * {@code Svenska Turistföreningen (STF)}.
	 */
	private static Group definedBefore(String text, String acronym, Map<String, Group> groups) {
		int definition = text.indexOf("(" + acronym + ")");
		if (definition < 0) {
			return null;
		}
		for (Group group : groups.values()) {
			if (group.type == EntityType.ORGANIZATION && group.mentions.stream()
				.anyMatch((m) -> m.end() <= definition && text.substring(m.end(), definition).isBlank())) {
				return group;
			}
		}
		return null;
	}

	private void groupPlaces(List<Mention> mentions, Map<String, Group> groups, Set<String> contextCountries) {
		for (Mention mention : mentions) {
			if (mention.type() != EntityType.LOCATION) {
				continue;
			}
			List<String> names = namesOf(mention.text());
			Optional<Link> link = this.linker.link(EntityType.LOCATION, names, contextCountries);
			String key = "LOCATION|" + link.map(Link::id).orElse(names.get(0));
			groups.computeIfAbsent(key, (k) -> new Group(EntityType.LOCATION)).add(mention);
		}
	}

	/**
	 * How a place mention can be looked up: as written, and in title case if it is
	 * written in capitals.
	 */
	static List<String> namesOf(String text) {
		String name = bare(text);
		if (name.equals(name.toUpperCase(Locale.ROOT)) && name.length() > 3) {
			return List.of(Dateline.titleCase(name), name);
		}
		return List.of(name);
	}

	/** A mention without a trailing possessive. */
	static String bare(String text) {
		return text.replaceAll("(’s|'s|’|')$", "").strip();
	}

	private static boolean isAcronym(String name) {
		return name.length() >= 2 && name.length() <= 7
				&& name.chars().allMatch((c) -> Character.isUpperCase(c) || c == '.');
	}

	/**
	 * Whether {@code short} is an acronym of {@code full} (WHO, World Health
	 * Organization) or its first word(s).
	 */
	static boolean abbreviates(String shortName, String full) {
		if (shortName.equals(full) || !full.contains(" ")) {
			return false;
		}
		if (full.startsWith(shortName + " ")) {
			return true;
		}
		StringBuilder initials = new StringBuilder();
		for (String word : full.split("[\\s-]+")) {
			if (!word.isEmpty() && Character.isUpperCase(word.charAt(0))) {
				initials.append(word.charAt(0));
			}
		}
		return initials.toString().equals(shortName.replace(".", ""));
	}

	static String localId(EntityType type, String name) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest((type + "|" + name.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
			return "local:" + type.name().toLowerCase(Locale.ROOT) + ":" + HexFormat.of().formatHex(hash, 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/** Mentions of one entity, gathered before it is named and linked. */
	private final class Group {

		private final EntityType type;

		private final List<Mention> mentions = new ArrayList<>();

		Group(EntityType type) {
			this.type = type;
		}

		void add(Mention mention) {
			this.mentions.add(mention);
		}

		Set<String> names() {
			Set<String> names = new LinkedHashSet<>();
			this.mentions.stream()
				.map((m) -> bare(m.text()))
				.sorted(Comparator.comparingInt(String::length).reversed())
				.forEach(names::add);
			return names;
		}

		int distanceTo(int offset) {
			return this.mentions.stream().mapToInt((m) -> Math.abs(m.start() - offset)).min().orElse(Integer.MAX_VALUE);
		}

		double weight(Document document) {
			int bodyStart = document.article().bodyOffset();
			int leadEnd = document.text().indexOf("\n\n", bodyStart);
			leadEnd = (leadEnd < 0) ? document.text().length() : leadEnd;
			double weight = 0;
			for (Mention mention : this.mentions) {
				weight += (mention.start() < bodyStart) ? 3 : (mention.start() < leadEnd) ? 2 : 1;
			}
			int first = this.mentions.stream().mapToInt(Mention::start).min().orElse(0);
			weight += 2.0 * (1 - (double) first / document.text().length());
			boolean measure = this.type == EntityType.DATE || this.type == EntityType.MONEY;
			return measure ? weight / 2 : weight;
		}

		Entity toEntity(Document document, double top, Set<String> contextCountries) {
			this.mentions.sort(Comparator.comparingInt(Mention::start));
			double salience = Math.round(1000 * Math.min(1, weight(document) / top)) / 1000.0;
			boolean isName = this.type != EntityType.DATE && this.type != EntityType.MONEY;
			if (!isName) {
				String value = this.mentions.get(0).value();
				String id = this.type.name().toLowerCase(Locale.ROOT) + ":" + value.replace(' ', '-');
				return new Entity(value, this.type, id, null, false, salience, false, null, null, null, this.mentions);
			}
			List<String> names = new ArrayList<>();
			for (String name : names()) {
				names.addAll((this.type == EntityType.LOCATION) ? namesOf(name) : List.of(name));
			}
			Optional<Link> link = EntityResolver.this.linker.link(this.type, names, contextCountries);
			String name = link.map(Link::name).orElse(names.get(0));
			String country = link.map(Link::country).orElse(null);
			if (link.isEmpty() && this.type == EntityType.LOCATION && !contextCountries.isEmpty()) {
				// A place the knowledge base does not list (a quarter, a street, a
				// market, a lake) is, in news, one of the article's country: the
				// gazetteer knows the cities and countries an article travels to.
				country = contextCountries.iterator().next();
			}
			return new Entity(name, this.type, link.map(Link::id).orElseGet(() -> localId(this.type, name)),
					link.map(Link::uri).orElse(null), link.isPresent(), salience, salience >= ABOUT, country,
					link.map(Link::latitude).orElse(null), link.map(Link::longitude).orElse(null), this.mentions);
		}

	}

}
