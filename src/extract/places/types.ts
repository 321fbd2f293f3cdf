/**
 * @module extract/places/types
 * What the place index holds for a name, and a place found in a text.
 */
import type { WordSet } from '../lexicon/index.js';
import type { Inflection, PhraseTrie } from '../text/index.js';

export interface PlaceEntry {
  iso2: string;
  city: string | null;
  population: number;
  /** Written in capitals only: "US" must not match the pronoun "us". */
  acronym: boolean;
  /** An adjective ("Italian"): evidence of the country for cities, never a place itself. */
  demonym?: boolean;
  /** Of a demonym: the country's capital, which "the Mongolian capital" names. */
  capital?: string;
}

export interface PlaceMention {
  from: number;
  to: number;
  iso2: string;
  city: string | null;
  /** Written with an ending that says it was left ("Moszkvából"). */
  left?: true;
}

/**
 * The places the text may name: one trie of the names as written, and for each language that
 * glues endings to names ("w Mongolii", "Budapesten"), how its text is read (text/endings.ts):
 * cut to the words names are made of, against that trie, or cut to stems, against a trie of the
 * names it writes cut so too.
 */
export interface PlaceIndex {
  exact: PhraseTrie<PlaceEntry>;
  /** Every word of every name, as a key. */
  words: ReadonlySet<string>;
  inflected: ReadonlyMap<string, { inflection: Inflection; trie: PhraseTrie<PlaceEntry> }>;
  /** Words of seas, straits, gulfs, lakes (see `feature`), and the "of" words between. */
  features: WordSet;
  genitives: WordSet;
  /** Per language, names of places that are common words there (Urdu "شام", evening, is Syria). */
  homographs: ReadonlyMap<string, WordSet>;
  /** "Capital", "Hauptstadt", "столица": beside a demonym, the country's capital city. */
  capitalWords: WordSet;
}
