package io.pressline.enrich.kb;

/**
 * A populated place from GeoNames.
 *
 * @param geonameId its GeoNames id
 * @param name its name
 * @param country ISO 3166-1 country
 * @param admin1 first-level administrative code within the country
 * @param feature GeoNames feature code ({@code PPLC} for a capital, {@code PPLA} for a
 * regional seat)
 * @param population inhabitants
 * @param latitude latitude
 * @param longitude longitude
 */
public record Place(long geonameId, String name, String country, String admin1, String feature, long population,
		double latitude, double longitude) {

	public boolean isCapital() {
		return "PPLC".equals(this.feature);
	}

	public boolean isRegionalSeat() {
		return this.feature != null && this.feature.startsWith("PPLA");
	}

}
