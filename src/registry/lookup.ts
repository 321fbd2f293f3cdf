/**
 * @module registry/lookup
 * Finds a subject or a country from what a person types: an id or code, any name variant in any
 * script, any case, with or without accents. Unknown input gets the nearest valid choices.
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
}

const subjectIndexes = new WeakMap<Registry, NameEntry[]>();

function subjectNames(s: Subject): string[] {
  return [s.id, ...spellingsOf(s)];
}

function subjectIndex(reg: Registry): NameEntry[] {
  let index = subjectIndexes.get(reg);
  if (!index) {
    index = [...reg.subjects.values()].flatMap((s) =>
      subjectNames(s).map((n) => ({
        normalized: normalizeName(n),
        tokens: new Set(nameTokens(n)),
        subjectId: s.id,
      })),
    );
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
  const exact = new Set(index.filter((e) => e.normalized === q).map((e) => e.subjectId));
  const qTokens = nameTokens(query);
  const partial = new Set(
    qTokens.length ? index.filter((e) => qTokens.every((t) => e.tokens.has(t))).map((e) => e.subjectId) : [],
  );
  return (
    resolve(exact, get) ??
    resolve(partial, get) ?? {
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

/** A country by ISO 3166 alpha-2 or alpha-3 code or by a name in any of the languages the registry knows. */
export function findCountry(reg: Registry, query: string): Lookup<Country> {
  const iso2 = reg.countryNameIndex.get(normalizeName(query));
  const country = iso2 ? reg.countryByIso2.get(iso2) : undefined;
  if (country) return { kind: 'found', value: country };
  const q = normalizeName(query);
  const english = reg.countries.flatMap((c) =>
    c.primaryNames.map((n) => [normalizeName(n), c] as [string, Country]),
  );
  return { kind: 'unknown', suggestions: nearest(q, english, 5) };
}
