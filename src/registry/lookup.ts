/**
 * @module registry/lookup
 * Finds a subject or a country from what a person types: an id or code, any name variant in any
 * script, any case, with or without accents. Unknown input gets the nearest valid choices.
 *
 * The rule, in this order: an exact id or ISO code, or a subject's display or full name, finds its
 * record; so does any other exact spelling of two names or more ("Muammar al-Gaddafi"). Any other
 * input that fits several records equally is ambiguous and names them all, never picked for the
 * user: for subjects, a single name fits every subject whose names hold it ("gaddafi" is Muammar's
 * alias and Saif al-Islam's surname); for countries, an English name two countries share ("Congo").
 * Names in other languages only find a country that no English name finds.
 */
import { distance } from 'fastest-levenshtein';
import type { Country } from './countries.js';
import { nameTokens, normalizeName } from './normalize.js';
import type { Registry } from './registry.js';
import type { Subject } from './schema.js';
import { spellingsOf } from './spellings.js';

export type Lookup<T> =
  | { kind: 'found'; value: T }
  | { kind: 'ambiguous'; candidates: T[] }
  | { kind: 'unknown'; suggestions: T[] };

interface NameEntry {
  normalized: string;
  tokens: Set<string>;
  subjectId: string;
  /** The id, the display name or the full name: these alone resolve without a contest. */
  full: boolean;
}

/** Words that join a name and are no name by themselves: "al-Masri" is one name. */
const PARTICLES = new Set(['al', 'el', 'ibn', 'bin', 'bint', 'abu', 'de', 'del', 'da', 'van', 'von', 'der']);

const subjectIndexes = new WeakMap<Registry, NameEntry[]>();

function subjectIndex(reg: Registry): NameEntry[] {
  let index = subjectIndexes.get(reg);
  if (!index) {
    index = [...reg.subjects.values()].flatMap((s) => {
      const full = new Set([s.id, s.name, s.fullName].map(normalizeName));
      return [s.id, ...spellingsOf(s)].map((n) => ({
        normalized: normalizeName(n),
        tokens: new Set(nameTokens(n)),
        subjectId: s.id,
        full: full.has(normalizeName(n)),
      }));
    });
    subjectIndexes.set(reg, index);
  }
  return index;
}

function resolve<T>(ids: Set<string>, get: (id: string) => T): Lookup<T> | undefined {
  if (ids.size === 1) return { kind: 'found', value: get([...ids][0]!) };
  if (ids.size > 1) return { kind: 'ambiguous', candidates: [...ids].map(get) };
  return undefined;
}

/** Nearest `n` keys by edit distance between normalized strings. */
function nearest<K>(query: string, candidates: Iterable<[string, K]>, n: number): K[] {
  const best = new Map<K, number>();
  for (const [text, key] of candidates) {
    const d = distance(query, text) / Math.max(query.length, text.length, 1);
    if (d < (best.get(key) ?? Infinity)) best.set(key, d);
  }
  return [...best.entries()]
    .sort((a, b) => a[1] - b[1])
    .slice(0, n)
    .map(([k]) => k);
}

/** A subject by id or any name variant; "putin", "Vladimir Putin" and "Путин" all find Putin. */
export function findSubject(reg: Registry, query: string): Lookup<Subject> {
  const get = (id: string) => reg.subjects.get(id)!;
  const q = normalizeName(query);
  const index = subjectIndex(reg);
  const full = new Set(index.filter((e) => e.full && e.normalized === q).map((e) => e.subjectId));
  const qTokens = nameTokens(query);
  // A spelling of two names or more ("Muammar al-Gaddafi") is specific: its exact match wins. A single
  // name ("Gaddafi", "al-Masri") is also a word of other subjects' names, and they fit it as well.
  const specific = qTokens.filter((t) => !PARTICLES.has(t)).length > 1;
  const exact = new Set(index.filter((e) => e.normalized === q).map((e) => e.subjectId));
  const fits = new Set(
    index
      .filter((e) => e.normalized === q || (qTokens.length && qTokens.every((t) => e.tokens.has(t))))
      .map((e) => e.subjectId),
  );
  return (
    resolve(full, get) ??
    (specific ? resolve(exact, get) : undefined) ??
    resolve(fits, get) ?? {
      kind: 'unknown',
      suggestions: nearest(
        q,
        index.flatMap((e) => [
          [e.normalized, e.subjectId] as [string, string],
          ...[...e.tokens].map((t) => [t, e.subjectId] as [string, string]),
        ]),
        5,
      ).map(get),
    }
  );
}

const codeIndexes = new WeakMap<Registry, Map<string, Country>>();

/** Lower-case ISO 3166 alpha-2 and alpha-3 codes to their country. */
function countryCodes(reg: Registry): Map<string, Country> {
  let codes = codeIndexes.get(reg);
  if (!codes) {
    codes = new Map(
      reg.countries.flatMap((c) => [[c.iso2.toLowerCase(), c] as const, [c.iso3.toLowerCase(), c] as const]),
    );
    codeIndexes.set(reg, codes);
  }
  return codes;
}

const sharedNameIndexes = new WeakMap<Registry, Map<string, string[]>>();

/** English names (world-countries, i18n-iso-countries' English, the curated file) that name several countries. */
function sharedEnglishNames(reg: Registry): Map<string, string[]> {
  let shared = sharedNameIndexes.get(reg);
  if (!shared) {
    const owners = new Map<string, string[]>();
    for (const c of reg.countries)
      for (const n of new Set([...c.primaryNames, ...(c.namesByLanguage.en ?? [])].map(normalizeName)))
        owners.set(n, [...(owners.get(n) ?? []), c.iso2]);
    shared = new Map([...owners].filter(([, iso2s]) => iso2s.length > 1));
    sharedNameIndexes.set(reg, shared);
  }
  return shared;
}

/** A country by ISO 3166 alpha-2 or alpha-3 code or by a name in any of the languages the registry knows. */
export function findCountry(reg: Registry, query: string): Lookup<Country> {
  const q = normalizeName(query);
  // A code needs no table of names: the 78 languages are read only for a name.
  const byCode = countryCodes(reg).get(q);
  if (byCode) return { kind: 'found', value: byCode };
  const shared = sharedEnglishNames(reg).get(q);
  if (shared) return { kind: 'ambiguous', candidates: shared.map((c) => reg.countryByIso2.get(c)!) };
  const iso2 = reg.countryNameIndex.get(q);
  const country = iso2 ? reg.countryByIso2.get(iso2) : undefined;
  if (country) return { kind: 'found', value: country };
  const english = reg.countries.flatMap((c) =>
    c.primaryNames.map((n) => [normalizeName(n), c] as [string, Country]),
  );
  return { kind: 'unknown', suggestions: nearest(q, english, 5) };
}
