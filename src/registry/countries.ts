/**
 * @module registry/countries
 * Every country with its names, built from world-countries (metadata, English and 25 translations,
 * demonyms, capitals) and i18n-iso-countries (names in 78 languages), plus the registry's own extra
 * names in data/registry/country-names.yaml.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { worldCountries } from './world.js';
import { normalizeName } from './normalize.js';

export interface Country {
  iso2: string;
  iso3: string;
  /** ISO 3166-1 numeric, the id world-atlas uses for shapes. */
  numeric: string;
  name: string;
  officialName: string;
  /** English common and official names and the registry's curated names. */
  primaryNames: string[];
  /** Every known name and spelling, in all languages, without duplicates. */
  names: string[];
  /** The names from world-countries and the curated file: English, native, 25 translations. */
  commonNames: string[];
  /** The names from i18n-iso-countries by language code; some are ordinary words elsewhere ("Yamal"). */
  namesByLanguage: Readonly<Record<string, readonly string[]>>;
  demonyms: string[];
  capitals: string[];
  region: string;
  subregion: string;
  latlng: [number, number];
  unMember: boolean;
}

interface I18nCountries {
  langs(): string[];
  getNames(lang: string, opts?: { select: 'all' }): Record<string, string[]>;
  registerLocale(data: unknown): void;
}

const require = createRequire(import.meta.url);

/** Names of each country (by ISO2) in every language i18n-iso-countries ships, by language. */
function i18nNames(): Map<string, Record<string, string[]>> {
  const lib = require('i18n-iso-countries') as I18nCountries;
  // Node needs each locale registered; the package ships them as langs/<code>.json.
  const langDir = join(dirname(require.resolve('i18n-iso-countries/package.json')), 'langs');
  for (const f of readdirSync(langDir))
    if (f.endsWith('.json')) lib.registerLocale(require(join(langDir, f)));
  const out = new Map<string, Record<string, string[]>>();
  for (const lang of lib.langs()) {
    for (const [code, names] of Object.entries(lib.getNames(lang, { select: 'all' }))) {
      const byLang = out.get(code) ?? {};
      byLang[lang] = names;
      out.set(code, byLang);
    }
  }
  return out;
}

let multilingual: Map<string, Record<string, string[]>> | undefined;

/**
 * Builds the country table; `extraNames` come from the registry's country-names file. The names in
 * 78 languages (`names`, `namesByLanguage`) are read on first use: a look-up by code, or a command
 * that prints a country's name, never pays for them.
 */
export function buildCountries(extraNames: ReadonlyMap<string, readonly string[]>): Country[] {
  return worldCountries.map((c) => {
    const demonyms = Object.values(c.demonyms ?? {}).flatMap((d) => [d.m, d.f]);
    // English and curated names first: on a clash between countries the earlier tier wins.
    const primary = [c.name.common, c.name.official, ...(extraNames.get(c.cca2) ?? [])];
    const common = [
      ...primary,
      ...Object.values(c.name.native ?? {}).flatMap((n) => [n.common, n.official]),
      ...Object.values(c.translations ?? {}).flatMap((n) => [n.common, n.official]),
      ...c.altSpellings.filter((s) => s.length > 3),
    ];
    let byLanguage: Record<string, string[]> | undefined;
    let names: string[] | undefined;
    return {
      iso2: c.cca2,
      iso3: c.cca3,
      numeric: c.ccn3,
      name: c.name.common,
      officialName: c.name.official,
      primaryNames: [...new Set(primary)],
      get names() {
        return (names ??= [
          ...new Set([...common, ...Object.values(this.namesByLanguage).flat()].filter(Boolean)),
        ]);
      },
      commonNames: [...new Set(common.filter(Boolean))],
      get namesByLanguage() {
        return (byLanguage ??= (multilingual ??= i18nNames()).get(c.cca2) ?? {});
      },
      demonyms: [...new Set(demonyms.filter(Boolean))],
      capitals: c.capital ?? [],
      region: c.region,
      subregion: c.subregion,
      latlng: c.latlng as [number, number],
      unMember: c.unMember,
    };
  });
}

/**
 * Index from every normalized name and code to an ISO2 code. Codes win over names, English and
 * curated names over translations; within a tier the first country keeps a clashing name.
 */
export function indexCountryNames(countries: readonly Country[]): Map<string, string> {
  const index = new Map<string, string>();
  const add = (name: string, iso2: string) => {
    const key = normalizeName(name);
    if (key && !index.has(key)) index.set(key, iso2);
  };
  for (const c of countries) {
    index.set(c.iso2.toLowerCase(), c.iso2);
    index.set(c.iso3.toLowerCase(), c.iso2);
  }
  for (const c of countries) for (const n of c.primaryNames) add(n, c.iso2);
  for (const c of countries) for (const n of c.names) add(n, c.iso2);
  return index;
}
