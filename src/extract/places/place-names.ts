/**
 * @module extract/place-names
 * Which names of a country the place index looks for in running text, and in which forms.
 */
import type { Country } from '../../registry/index.js';
import { caseForms } from './cyrillic-cases.js';
import { hasCase, phraseKeys } from '../text/index.js';
import type { Lexicons } from '../lexicon/index.js';

// The scripts of the lexicons' languages (see `textNames`).
const LEXICON_SCRIPT = /[\p{Script=Latin}\p{Script=Cyrillic}]/u;

/**
 * The names of a country to look for in running text: the common ones, and those of the languages
 * the lexicons read. In Latin or Cyrillic letters, a name from another language is more often a
 * word or a place of the text's own ("Yamal", Hausa for Yemen; "Columbia", Romanian for Colombia;
 * "Benign", Swahili for Benin), and no article in that language gives a trip without cue words.
 */
export function textNames(c: Country, langs: ReadonlySet<string>): Set<string> {
  const out = new Set(c.commonNames);
  for (const [lang, names] of Object.entries(c.namesByLanguage))
    for (const n of names) if (langs.has(lang) || !LEXICON_SCRIPT.test(n)) out.add(n);
  return out;
}

/** A name and its other grammatical cases (Russian and Ukrainian decline names). */
export const withCases = (name: string): string[] => [name, ...caseForms(name)];

// Han and kana write a country or a city in two signs (中国, 北京, パリ).
const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * The shortest name looked for, in code units of its keys. In scripts with case, short words are
 * too often ordinary words of some language ("Man", "Chad" aside), and a capital tells no more at
 * the start of a sentence; scripts without case write short names that news needs (قطر, סין, ቻይና).
 */
export function shortest(name: string): number {
  if (IDEOGRAPHIC.test(name)) return 2;
  return hasCase(name) ? 4 : 3;
}

/** Each country's capital as the lexicons name the city ("Ulan Bator" is Ulaanbaatar), if it has one. */
export function capitals(lex: Pick<Lexicons, 'all'>): (c: Country) => string | undefined {
  const lexiconCity = new Map(
    lex.all.flatMap((l) =>
      l.places.filter((p) => p.city).map((p) => [phraseKeys(p.text).join(' '), p.city!]),
    ),
  );
  return (c) => c.capitals[0] && (lexiconCity.get(phraseKeys(c.capitals[0]).join(' ')) ?? c.capitals[0]);
}
