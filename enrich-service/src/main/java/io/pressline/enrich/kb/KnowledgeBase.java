package io.pressline.enrich.kb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.pressline.enrich.nlp.ner.EntityType;

/**
 * What Pressline knows of the world, for linking: GeoNames places, ISO countries and
 * regions, a reviewed list of people and organisations, aliases GeoNames lacks, and the
 * well-known names of Wikipedia ({@link WikipediaNames}). Loaded once from the classpath
 * ({@code kb/*.tsv}); immutable and thread-safe after that.
 */
public final class KnowledgeBase {

	private final Map<String, List<KnownEntity>> entitiesByName = new HashMap<>();

	private final Map<String, List<Place>> placesByName = new HashMap<>();

	private final Map<String, Country> countriesByName = new HashMap<>();

	private final Map<String, Country> countriesByCode = new HashMap<>();

	private final Map<String, List<Region>> regionsByName = new HashMap<>();

	private final Set<String> demonyms = new HashSet<>();

	private final Set<String> curatedPlaceNames = new HashSet<>();

	private final Map<Long, String> preferredPlaceNames = new HashMap<>();

	private final Set<String> curatedRegionNames = new HashSet<>();

	private WikipediaNames wikipedia = WikipediaNames.none();

	private int longestName;

	private KnowledgeBase() {
	}

	/** The knowledge base shipped on the classpath. */
	public static KnowledgeBase standard() {
		KnowledgeBase kb = new KnowledgeBase();
		kb.loadCountries();
		kb.loadCountryAliases();
		kb.loadRegions();
		kb.loadPlaces();
		kb.loadPlaceAliases();
		kb.loadRegionAliases();
		kb.loadEntities();
		kb.loadPeoples();
		kb.wikipedia = WikipediaNames.standard();
		return kb;
	}

	private void loadCountries() {
		read("countries.tsv", (c) -> {
			Country country = new Country(c[0], c[1], c[2], parse(c[6]), parse(c[7]), split(c[5]));
			this.countriesByCode.put(country.iso2(), country);
			for (String name : concat(List.of(c[2], c[3]), split(c[4]))) {
				if (name.length() > 2 || name.equals(name.toUpperCase(Locale.ROOT))) {
					this.countriesByName.putIfAbsent(name, country);
					noteLength(name);
				}
			}
			country.demonyms().forEach(this.demonyms::add);
		});
	}

	private void loadPeoples() {
		read("peoples.tsv", (c) -> this.demonyms.add(c[0]));
	}

	private void loadCountryAliases() {
		read("country-aliases.tsv", (c) -> {
			Country country = this.countriesByCode.get(c[1]);
			if (country == null) {
				throw new IllegalStateException("country-aliases.tsv: no country " + c[1]);
			}
			this.countriesByName.put(c[0], country);
			noteLength(c[0]);
		});
	}

	private void loadRegions() {
		read("regions.tsv", (c) -> {
			Region region = new Region(c[0], c[1], c[3]);
			add(this.regionsByName, c[1], region);
			String ascii = java.text.Normalizer.normalize(c[1], java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
			if (!ascii.equals(c[1])) {
				add(this.regionsByName, ascii, region);
			}
		});
	}

	private void loadPlaces() {
		read("places.tsv", (c) -> {
			Place place = new Place(Long.parseLong(c[0]), c[1], c[4], c[5], c[6], Long.parseLong(c[7]), parse(c[8]),
					parse(c[9]));
			add(this.placesByName, c[1], place);
			if (!c[2].isEmpty() && !c[2].equals(c[1])) {
				add(this.placesByName, c[2], place);
			}
			if (!c[3].isEmpty() && !c[3].equals(c[1])) {
				add(this.placesByName, c[3], place);
			}
		});
	}

	private void loadPlaceAliases() {
		read("place-aliases.tsv", (c) -> {
			List<Place> targets = this.placesByName.getOrDefault(c[1], List.of())
				.stream()
				.filter((p) -> p.country().equals(c[2]))
				.toList();
			if (targets.isEmpty()) {
				throw new IllegalStateException("place-aliases.tsv: no place " + c[1] + " in " + c[2]);
			}
			Place best = targets.stream().max((a, b) -> Long.compare(a.population(), b.population())).orElseThrow();
			List<Place> named = this.placesByName.computeIfAbsent(c[0], (k) -> new ArrayList<>());
			named.remove(best);
			named.add(0, best);
			this.curatedPlaceNames.add(c[0]);
			this.preferredPlaceNames.put(best.geonameId(), c[3]);
		});
	}

	private void loadRegionAliases() {
		Map<String, Region> byCode = new HashMap<>();
		this.regionsByName.values().forEach((regions) -> regions.forEach((r) -> byCode.put(r.code(), r)));
		read("region-aliases.tsv", (c) -> {
			Region region = byCode.get(c[1]);
			if (region == null) {
				throw new IllegalStateException("region-aliases.tsv: no region " + c[1]);
			}
			add(this.regionsByName, c[0], new Region(region.code(), c[0], region.country()));
			this.curatedRegionNames.add(c[0]);
		});
	}

	private void loadEntities() {
		read("people-and-organizations.tsv", (c) -> {
			KnownEntity entity = new KnownEntity(c[0], EntityType.valueOf(c[1]), c[2], split(c[3]),
					c[4].isEmpty() ? null : c[4], c[5].isEmpty() ? null : c[5]);
			add(this.entitiesByName, entity.name(), entity);
			entity.aliases().forEach((alias) -> add(this.entitiesByName, alias, entity));
		});
	}

	/** People and organisations of the reviewed list known by this name or alias. */
	public List<KnownEntity> entitiesNamed(String name) {
		return this.entitiesByName.getOrDefault(name, List.of());
	}

	/** The Wikipedia article a well-known name stands for, beyond the reviewed list. */
	public Optional<WikipediaNames.Name> wikipediaName(String name) {
		return this.wikipedia.named(name);
	}

	/** Places with this name, the most likely first (curated alias, then population). */
	public List<Place> placesNamed(String name) {
		return this.placesByName.getOrDefault(name, List.of());
	}

	public Optional<Country> countryNamed(String name) {
		return Optional.ofNullable(this.countriesByName.get(name));
	}

	public Optional<Country> country(String iso2) {
		return Optional.ofNullable(this.countriesByCode.get(iso2));
	}

	public List<Region> regionsNamed(String name) {
		return this.regionsByName.getOrDefault(name, List.of());
	}

	/** Whether a word names a people rather than a place: Ukrainian, Dutch, Kenyan. */
	public boolean isDemonym(String word) {
		return this.demonyms.contains(word);
	}

	/** The name the newsroom uses for a place (Odesa for GeoNames' Odessa). */
	public String preferredName(Place place) {
		return this.preferredPlaceNames.getOrDefault(place.geonameId(), place.name());
	}

	/** Whether a region name was listed by the team (an English name such as Bavaria). */
	public boolean isCuratedRegionName(String name) {
		return this.curatedRegionNames.contains(name);
	}

	/** Whether a place name was added by the team (an alias GeoNames lacks). */
	public boolean isCuratedPlaceName(String name) {
		return this.curatedPlaceNames.contains(name);
	}

	/** Whether anything at all is known by this name. */
	public boolean knows(String name) {
		return this.entitiesByName.containsKey(name) || this.placesByName.containsKey(name)
				|| this.countriesByName.containsKey(name) || this.regionsByName.containsKey(name);
	}

	/** The most words any known name has. */
	public int longestNameInWords() {
		return this.longestName;
	}

	private <T> void add(Map<String, List<T>> index, String name, T value) {
		List<T> values = index.computeIfAbsent(name, (k) -> new ArrayList<>(1));
		if (!values.contains(value)) {
			values.add(value);
		}
		noteLength(name);
	}

	private void noteLength(String name) {
		this.longestName = Math.max(this.longestName, name.split("\\s+").length);
	}

	private static void read(String file, Consumer<String[]> row) {
		String path = "/kb/" + file;
		try (InputStream in = KnowledgeBase.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("Knowledge base file " + path + " is not on the classpath");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			boolean header = true;
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				if (line.isEmpty() || line.startsWith("#")) {
					continue;
				}
				if (header) {
					header = false;
					continue;
				}
				try {
					row.accept(line.split("\t", -1));
				}
				catch (RuntimeException ex) {
					throw new IllegalStateException(path + " line " + number + ": " + ex.getMessage(), ex);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + path, ex);
		}
	}

	private static List<String> split(String field) {
		return field.isEmpty() ? List.of() : Arrays.stream(field.split("\\|")).map(String::strip).toList();
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return Collections.unmodifiableList(all);
	}

	private static double parse(String number) {
		return number.isEmpty() ? Double.NaN : Double.parseDouble(number);
	}

}
