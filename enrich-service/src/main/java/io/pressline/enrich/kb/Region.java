package io.pressline.enrich.kb;

/**
 * A first-level subdivision of a country.
 *
 * @param code ISO 3166-2 code, such as {@code UA-14}
 * @param name its name
 * @param country ISO 3166-1 country
 */
public record Region(String code, String name, String country) {
}
