package io.pressline.enrich.kb;

import java.util.List;

/**
 * A country or territory.
 *
 * @param iso2 ISO 3166-1 alpha-2 code
 * @param iso3 ISO 3166-1 alpha-3 code
 * @param name common English name
 * @param latitude latitude of its centre
 * @param longitude longitude of its centre
 * @param demonyms what its people are called (Ukrainian, Dutch)
 */
public record Country(String iso2, String iso3, String name, double latitude, double longitude, List<String> demonyms) {
}
