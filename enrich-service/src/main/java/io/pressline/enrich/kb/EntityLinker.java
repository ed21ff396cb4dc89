package io.pressline.enrich.kb;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.pressline.enrich.nlp.ner.EntityType;

/**
 * Links an entity to the knowledge base: countries to ISO 3166-1, first-level regions to
 * ISO 3166-2, towns and cities to GeoNames, and people and organisations to the reviewed
 * list (Wikidata where the team is certain), else to the English Wikipedia article their
 * full name most often links to ({@link WikipediaNames}). Among places of the same name
 * it prefers one in a country the article is about, then a capital or regional seat, then
 * the most populous.
 */
public final class EntityLinker {

	private static final Pattern REGION_WORD = Pattern
		.compile("\\b(Oblast|Region|Province|State|County|Governorate|Prefecture|Canton|Krai)\\b");

	private static final Pattern ACRONYM = Pattern.compile("[\\p{Lu}\\d.&-]{2,8}s?");

	private final KnowledgeBase kb;

	public EntityLinker(KnowledgeBase kb) {
		this.kb = kb;
	}

	/**
	 * Links one entity.
	 * @param type its type
	 * @param names its canonical name first, then the other ways the article names it
	 * @param contextCountries ISO codes of the countries the article is set in or names
	 */
	public Optional<Link> link(EntityType type, Collection<String> names, Set<String> contextCountries) {
		return switch (type) {
			case PERSON, ORGANIZATION -> linkKnown(type, names, contextCountries);
			case LOCATION -> linkPlace(names, contextCountries);
			default -> Optional.empty();
		};
	}

	/** The country a name stands for, if it is a country's name. */
	public Optional<Country> country(String name) {
		return this.kb.countryNamed(name);
	}

	private Optional<Link> linkKnown(EntityType type, Collection<String> names, Set<String> contextCountries) {
		for (String name : names) {
			Optional<KnownEntity> entity = this.kb.entitiesNamed(name)
				.stream()
				.filter((e) -> e.type() == type)
				.max(Comparator.comparing((KnownEntity e) -> contextCountries.contains(e.country())));
			if (entity.isPresent()) {
				return entity.map(Link::of);
			}
		}
		for (String name : names) {
			Optional<Link> link = linkWellKnown(type, name);
			if (link.isPresent()) {
				return link;
			}
		}
		return Optional.empty();
	}

	/**
	 * A person or organisation by the Wikipedia article its name most often links to. A
	 * person needs a full name (a surname alone is too ambiguous); an acronym is not
	 * linked this way (UML, CNC and GWU name other things in other countries: an acronym
	 * joins its full name instead), nor is a single word that is not the article's own
	 * title (Wagner the group is not Richard Wagner); and an article about a place is not
	 * a person or organisation. A generic name whose article is one country's instance of
	 * it ({@code Supreme Court} for the Supreme Court of the United States,
	 * {@code Ministry of Health} for one country's) is not linked: the article may be
	 * about another country's. The entity keeps the name the article gives it.
	 */
	private Optional<Link> linkWellKnown(EntityType type, String name) {
		boolean oneWord = !name.contains(" ");
		if ((type == EntityType.PERSON && oneWord) || ACRONYM.matcher(name).matches()) {
			return Optional.empty();
		}
		return this.kb.wikipediaName(name)
			.filter((w) -> !oneWord || w.title().equals(name))
			.filter((w) -> !w.title().startsWith(name + " of ") && !w.title().contains(" ("))
			.filter((w) -> this.kb.countryNamed(w.title()).isEmpty() && this.kb.placesNamed(w.title()).isEmpty()
					&& this.kb.regionsNamed(w.title()).isEmpty())
			.map((w) -> new Link(w.id(), w.uri(), name, null, null, null));
	}

	private Optional<Link> linkPlace(Collection<String> names, Set<String> contextCountries) {
		for (String name : names) {
			Optional<Country> country = this.kb.countryNamed(name);
			if (country.isPresent()) {
				return country.map(Link::of);
			}
		}
		for (String name : names) {
			if (REGION_WORD.matcher(name).find()) {
				Optional<Region> region = region(name, contextCountries);
				if (region.isPresent()) {
					return region.map(Link::of);
				}
			}
			List<Place> places = this.kb.placesNamed(name);
			if (this.kb.isCuratedRegionName(name) && places.stream()
				.noneMatch((p) -> contextCountries.contains(p.country()) || p.population() >= 100_000)) {
				Optional<Region> region = region(name, contextCountries);
				if (region.isPresent()) {
					return region.map(Link::of);
				}
			}
			if (!places.isEmpty()) {
				if (this.kb.isCuratedPlaceName(name)) {
					return Optional.of(link(places.get(0)));
				}
				return places.stream().max(placeOrder(contextCountries)).map(this::link);
			}
			Optional<Region> region = region(name, contextCountries);
			if (region.isPresent()) {
				return region.map(Link::of);
			}
		}
		return Optional.empty();
	}

	private Link link(Place place) {
		return Link.of(place, this.kb.preferredName(place));
	}

	private Optional<Region> region(String name, Set<String> contextCountries) {
		String bare = REGION_WORD.matcher(name).replaceAll("").replaceAll("\\s+", " ").strip();
		List<Region> regions = this.kb.regionsNamed(name);
		if (regions.isEmpty() && !bare.equals(name)) {
			regions = this.kb.regionsNamed(bare);
		}
		return regions.stream().max(Comparator.comparing((Region r) -> contextCountries.contains(r.country())));
	}

	private static Comparator<Place> placeOrder(Set<String> contextCountries) {
		return Comparator.comparing((Place p) -> contextCountries.contains(p.country()))
			.thenComparing(Place::isCapital)
			.thenComparing(Place::isRegionalSeat)
			.thenComparingLong(Place::population);
	}

}
