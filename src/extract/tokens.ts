/**
 * @module extract/tokens
 * Splits text into word tokens with character offsets and a comparison key: lower-cased, without
 * accents, and for Cyrillic words cut to a stem so that "Путиным" and "Путина" meet "Путин".
 */

export interface Token {
  /** Offsets into the original text, end exclusive. */
  start: number;
  end: number;
  /** The word as written. */
  raw: string;
  /** Comparison key (see `tokenKey`). */
  key: string;
}

// Marks are kept inside words: Devanagari and Bengali vowel signs are \p{M}, not \p{L}.
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
// Case endings of Russian, Ukrainian and Belarusian nouns, longest first. Cutting them is safe for
// the proper nouns we look up because both sides of a comparison are cut the same way.
const CYRILLIC_ENDINGS = [
  'ами',
  'ями',
  'ого',
  'ому',
  'ими',
  'ыми',
  'ией',
  'ией',
  'ым',
  'им',
  'ом',
  'ем',
  'ой',
  'ей',
  'ам',
  'ям',
  'ах',
  'ях',
  'ию',
  'ия',
  'ії',
  'ію',
  'ія',
  'а',
  'я',
  'у',
  'ю',
  'е',
  'ы',
  'и',
  'і',
  'о',
  'ь',
  'й',
];

function cyrillicStem(word: string): string {
  for (const end of CYRILLIC_ENDINGS)
    if (word.length - end.length >= 4 && word.endsWith(end)) return word.slice(0, -end.length);
  return word;
}

/** The comparison key of one word. */
export function tokenKey(word: string): string {
  const plain = word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  return CYRILLIC.test(plain) ? cyrillicStem(plain) : plain;
}

/** Every word of `text`, in order. Apostrophes split words: "Putin’s" gives "Putin" and "s". */
export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = offset + (m.index ?? 0);
    out.push({ start, end: start + m[0].length, raw: m[0], key: tokenKey(m[0]) });
  }
  return out;
}

/** The comparison keys of a phrase ("the Russian president" → ["the", "russian", "president"]). */
export function phraseKeys(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.key);
}

/** True when the word starts with a capital letter (proper nouns, acronyms). */
export function isCapitalized(raw: string): boolean {
  const first = raw.charAt(0);
  return first !== first.toLowerCase();
}
