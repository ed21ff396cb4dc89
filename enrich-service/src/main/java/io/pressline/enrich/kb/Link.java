package io.pressline.enrich.kb;

/**
 * What an entity was linked to.
 *
 * @param id a stable id: {@code geonames:703448}, {@code iso3166-1:UA},
 * {@code iso3166-2:UA-14}, {@code wikidata:Q7184}, {@code kb:nato}
 * @param uri a public URI for the id, or {@code null} where there is none
 * @param name the canonical name the knowledge base gives it
 * @param country ISO 3166-1 country, or {@code null}
 * @param latitude latitude, or {@code null}
 * @param longitude longitude, or {@code null}
 */
public record Link(String id, String uri, String name, String country, Double latitude, Double longitude) {

	static Link of(Place place, String name) {
		return new Link("geonames:" + place.geonameId(), "https://sws.geonames.org/" + place.geonameId() + "/", name,
				place.country(), place.latitude(), place.longitude());
	}

	static Link of(Country country) {
		return new Link("iso3166-1:" + country.iso2(), null, country.name(), country.iso2(), country.latitude(),
				country.longitude());
	}

	static Link of(Region region) {
		return new Link("iso3166-2:" + region.code(), null, region.name(), region.country(), null, null);
	}

	static Link of(KnownEntity entity) {
		if (entity.wikidata() != null) {
			return new Link("wikidata:" + entity.wikidata(), "https://www.wikidata.org/entity/" + entity.wikidata(),
					entity.name(), entity.country(), null, null);
		}
		return new Link("kb:" + entity.key(), null, entity.name(), entity.country(), null, null);
	}

}
