/**
 * @module extract/text/unit-key
 * tokenKey (tokens.ts) a code unit at a time. Its rule, NFKD, marks dropped, lower case, then a
 * Cyrillic stem or the Arabic letter variants, costs two regular expressions, a normalisation and
 * up to three new strings per word: three quarters of tokenising. Each of those steps acts on one
 * character at a time (NFKD's reordering moves only marks, which are dropped; lower case looks at
 * its neighbours only for a capital sigma), so what the rule makes of a word is what it makes of
 * each of its units, put together: learnt once per unit, read from a table after.
 */
import { LETTER_VARIANTS } from './fold.js';
import { CYRILLIC, INDIC, UNSPACED } from './scripts.js';

// Per code unit: 0 not learnt yet; SLOW: the word rule must see the whole word (a surrogate, a sign
// of a script keyed as written, a sigma, a unit that becomes several); DROP: a mark, which becomes
// nothing; else the unit it becomes, shifted left by FLAGS, and its flags.
const SLOW = -1;
const DROP = -2;
const CYR = 1;
const VARIANT = 2;
/** The unit is what String#toLowerCase makes of it: a word of such units is its own lower case. */
const LOWER = 4;
const KNOWN = 8;
const FLAGS = 4;
const table = new Int32Array(65536);
// Longer words (no word of news is) are left to the word rule.
const MAX_UNITS = 256;
const units = new Uint16Array(MAX_UNITS);

function learn(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return SLOW;
  const ch = String.fromCharCode(c);
  if (UNSPACED.test(ch) || INDIC.test(ch)) return SLOW;
  const nfkd = ch.normalize('NFKD');
  if (nfkd.includes('\u03a3')) return SLOW; // a capital sigma lower-cases by its place in the word
  const plain = nfkd.replace(/\p{M}+/gu, '').toLowerCase();
  if (!plain) return DROP;
  if (plain.length > 1) return SLOW;
  const u = plain.charCodeAt(0);
  const flags =
    KNOWN |
    (CYRILLIC.test(plain) ? CYR : 0) |
    (LETTER_VARIANTS.has(u) ? VARIANT : 0) |
    (ch.toLowerCase() === plain ? LOWER : 0);
  return (u << FLAGS) | flags;
}

/**
 * The key of `word` as tokenKey's rule makes it (`stem` cuts a Cyrillic word's ending), or
 * undefined when some unit needs the whole word. Allocates nothing for a word that is its own key.
 */
export function unitKey(word: string, stem: (plain: string) => string): string | undefined {
  const n = word.length;
  if (n > MAX_UNITS) return undefined;
  let all = CYR | VARIANT | LOWER; // the flags every unit has, and below those some unit has
  let some = 0;
  let same = true;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const c = word.charCodeAt(i);
    let v = table[c]!;
    if (v === 0) table[c] = v = learn(c);
    if (v === SLOW) return undefined;
    if (v === DROP) {
      same = false;
      all &= ~LOWER;
      continue;
    }
    const u = v >>> FLAGS;
    if (u !== c) same = false;
    all &= v;
    some |= v;
    units[k++] = u;
  }
  const plain = same ? word : all & LOWER ? word.toLowerCase() : String.fromCharCode(...units.subarray(0, k));
  if (some & CYR) return stem(plain);
  if (some & VARIANT) {
    for (let i = 0; i < k; i++) units[i] = LETTER_VARIANTS.get(units[i]!) ?? units[i]!;
    return String.fromCharCode(...units.subarray(0, k));
  }
  return plain;
}
