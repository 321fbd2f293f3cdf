/**
 * @module extract/text/scripts
 * The scripts whose words the tokenizer keys apart from the rest (tokens.ts, unit-key.ts).
 */

// Scripts whose vowels are written as combining signs: marks there are letters, not accents.
export const INDIC =
  /[\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}]/u;

// A word is /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/u: marks are kept inside words (Devanagari and Bengali
// vowel signs are \p{M}, not \p{L}), but never start one.
export const CYRILLIC = /\p{Script=Cyrillic}/u;

// Scripts written without spaces between words. The prolonged-sound mark "ー" of katakana names
// (プーチン) is Common, not Katakana.
export const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u30fc]/u;
