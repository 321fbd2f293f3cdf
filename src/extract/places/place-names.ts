/**
 * @module extract/place-names
 * Which names of a country the place index looks for in running text, and in which forms.
 */
import type { Country } from '../../registry/index.js';
import { caseForms } from './cyrillic-cases.js';

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
