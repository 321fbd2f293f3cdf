/**
 * @module extract/fold
 * Case and accent folding of single UTF-16 code units, the way `tokenKey` compares words (NFKD,
 * marks dropped, lower case), so a scan can compare text without building a folded copy of it.
 * Characters that fold to more than one (ligatures such as "ﬁ") are left as they are.
 */

/** Not a word character (not a letter, mark or digit; surrogates count as such too). */
export const GAP = -2;
/** A combining mark: inside a word, but folds to nothing. */
export const MARK = -1;

// Surrogates, NUL and SOH (used as separator and marker below): all gaps.
const isSkipped = (c: number) => c <= 1 || (c >= 0xd800 && c <= 0xdfff);
const FINAL_SIGMA = 0x3c2;
const SIGMA = 0x3c3;

/**
 * Letters that Arabic, Persian and Urdu text writes either way: Arabic yeh and alef maksura (ي ى)
 * for Persian yeh (ی), Arabic kaf (ك) for keheh (ک). Much Persian news is typed on Arabic
 * keyboards ("رئيس جمهور"), and Egyptian writing interchanges the two yehs, so both sides of a
 * comparison take the Persian forms.
 */
export const LETTER_VARIANTS: ReadonlyMap<number, number> = new Map([
  [0x064a, 0x06cc],
  [0x0649, 0x06cc],
  [0x0643, 0x06a9],
]);
let table: Int32Array | undefined;

/**
 * Per code unit: the folded unit (>= 0), MARK or GAP. Built in one pass over a string of every
 * character of the BMP, each between NULs so that NFKD keeps them apart: one `normalize` call
 * instead of sixty thousand.
 */
export function foldTable(): Int32Array {
  if (table) return table;
  const chars: string[] = [];
  for (let c = 0; c < 65536; c++) chars.push(isSkipped(c) ? '' : String.fromCharCode(c));
  const folded = chars
    .join('\0')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split('\0');
  const kind = chars
    .join('')
    .replace(/\p{M}/gu, '\u0001')
    .replace(/[^\p{L}\p{N}\u0001]/gu, '\u0000');
  table = new Int32Array(65536).fill(GAP);
  for (let c = 0, k = 0; c < 65536; c++) {
    if (isSkipped(c)) continue;
    const what = kind.charCodeAt(k++);
    const f = folded[c]!;
    const unit = f.length === 1 ? f.charCodeAt(0) : c;
    // A capital sigma lower-cases to the final form at the end of a word only; one unit cannot tell.
    const plain = unit === FINAL_SIGMA ? SIGMA : (LETTER_VARIANTS.get(unit) ?? unit);
    table[c] = what === 0 ? GAP : what === 1 ? MARK : plain;
  }
  return table;
}

/** The folded code unit of `code`: MARK for a combining mark, else the unit (itself if it does not fold). */
export function foldUnit(code: number): number {
  const f = foldTable()[code]!;
  return f === GAP ? code : f;
}

/** `s` folded unit by unit: "Blé" → "ble". */
export function fold(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const f = foldUnit(s.charCodeAt(i));
    if (f !== MARK) out += String.fromCharCode(f);
  }
  return out;
}
