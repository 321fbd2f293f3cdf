/**
 * @module extract/tokens
 * Splits text into word tokens with character offsets and a comparison key: lower-cased, without
 * accents, and for Cyrillic words cut to a stem so that "Путиным" and "Путина" meet "Путин".
 * Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Burmese) give
 * one token per sign: a name or cue is then a phrase of signs, found wherever it is written, with
 * no word segmentation to get wrong.
 */
import { LETTER_VARIANTS } from './fold.js';
import { CYRILLIC, INDIC, UNSPACED } from './scripts.js';
import { unitKey } from './unit-key.js';

export interface Token {
  /** Offsets into the original text, end exclusive. */
  start: number;
  end: number;
  /** The word as written. */
  raw: string;
  /** Comparison key (see `tokenKey`). */
  key: string;
}

// The letters of fold.ts's LETTER_VARIANTS, which both keys and the fold table replace.
const VARIANT = new RegExp(`[${String.fromCharCode(...LETTER_VARIANTS.keys())}]`, 'gu');
const variantOf = (ch: string) => String.fromCharCode(LETTER_VARIANTS.get(ch.charCodeAt(0))!);

// Case endings of Russian, Ukrainian and Belarusian nouns, by length, longest first. Cutting them is
// safe for the proper nouns we look up because both sides of a comparison are cut the same way.
const CYRILLIC_ENDINGS: readonly [number, ReadonlySet<string>][] = [
  ['ами ями ого ому ими ыми ией', 3],
  ['ым им ом ем ой ей ам ям ах ях ию ия ії ію ія', 2],
  ['а я у ю е ы и і о ь й', 1],
].map(([ends, length]) => [length as number, new Set((ends as string).split(' '))]);

/** A Cyrillic word without its case ending. */
export function cyrillicStem(word: string): string {
  for (const [length, ends] of CYRILLIC_ENDINGS)
    if (word.length - length >= 4 && ends.has(word.slice(-length))) return word.slice(0, -length);
  return word;
}

/** The comparison key of one word. */
export function tokenKey(word: string): string {
  return unitKey(word, cyrillicStem) ?? wordKey(word);
}

/** What `unitKey` makes of most words, for every word: the words it cannot tell are made here. */
function wordKey(word: string): string {
  if (isAscii(word)) return word.toLowerCase();
  // A sign keeps its marks: Thai vowels and Japanese voicing marks tell words apart.
  if (UNSPACED.test(word)) return word;
  // So do the vowel signs of the Indic scripts: without them "अगले" (next) is "अंगोला" (Angola).
  if (INDIC.test(word)) return word.normalize('NFC');
  const plain = word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  if (CYRILLIC.test(plain)) return cyrillicStem(plain);
  return plain.replace(VARIANT, variantOf);
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

// What a character is to a word: 0 nothing, 1 a mark (inside a word only), 2 a letter or digit,
// 3 a sign of a script without spaces, a word of its own. Known classes are kept (plus one, so
// that 0 means "not seen yet"), from the classes of a word.
const LETTER = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;
const classOf = (ch: string) => (MARK.test(ch) ? 1 : UNSPACED.test(ch) ? 3 : LETTER.test(ch) ? 2 : 0);
const unitClass = new Uint8Array(65536);
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) =>
  /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0,
);
const astralClass = new Map<number, number>();

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** Code units of the code point at `i`: two for a surrogate pair, else one. */
const unitsOf = (text: string, i: number) =>
  isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1)) ? 2 : 1;

/** The class of the code point at `i`. */
function charClass(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || !isLow(text.charCodeAt(i + 1))) {
    let v = unitClass[c]!;
    if (v === 0) unitClass[c] = v = 1 + classOf(String.fromCharCode(c));
    return v - 1;
  }
  const cp = text.codePointAt(i)!;
  let v = astralClass.get(cp);
  if (v === undefined) astralClass.set(cp, (v = classOf(String.fromCodePoint(cp))));
  return v;
}

/**
 * Every word of `text`, in order. Apostrophes split words: "Putin’s" gives "Putin" and "s".
 * The words are those of `WORD`, found by a loop over character classes: a regular expression
 * with Unicode classes allocates a match per word and was half the cost of reading an article.
 */
export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  const n = text.length;
  for (let i = 0; i < n;) {
    const c = charClass(text, i);
    if (c < 2) {
      i += unitsOf(text, i);
      continue;
    }
    let j = i + unitsOf(text, i);
    // A sign of an unspaced script is a word; its own vowel signs and marks stay with it.
    if (c === 3) while (j < n && charClass(text, j) === 1) j += unitsOf(text, j);
    else
      while (j < n) {
        // ASCII first: its letters and digits are word units, and nothing else of it is.
        const u = text.charCodeAt(j);
        if (u < 0x80) {
          if (!ASCII_WORD[u]) break;
          j++;
          continue;
        }
        const k = charClass(text, j);
        if (k !== 1 && k !== 2) break;
        j += unitsOf(text, j);
      }
    const raw = text.slice(i, j);
    out.push({ start: offset + i, end: offset + j, raw, key: c === 3 ? raw : tokenKey(raw) });
    i = j;
  }
  return out;
}

/** The comparison keys of a phrase ("the Russian president" → ["the", "russian", "president"]). */
export function phraseKeys(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.key);
}

// Georgian has capitals (Mtavruli) since Unicode 11, but text is written without them.
const GEORGIAN = /\p{Script=Georgian}/u;

/** Whether the word's script writes proper nouns with a capital: Latin, Cyrillic, Greek... */
export function hasCase(raw: string): boolean {
  return raw.toLowerCase() !== raw.toUpperCase() && !GEORGIAN.test(raw);
}

/** True when the word starts with a capital letter (proper nouns, acronyms). */
export function isCapitalized(raw: string): boolean {
  const first = raw.charAt(0);
  return first !== first.toLowerCase();
}
