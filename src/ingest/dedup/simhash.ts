/**
 * @module ingest/dedup/simhash
 * 64-bit SimHash (Charikar) over word 3-gram shingles, Hamming distance, the near-duplicate test,
 * and the LSH bands a store indexes to find candidates without scanning every article.
 */
import { hash64 } from './hash64.js';
import { words } from './normalize.js';

/** Words per shingle: 3-grams keep word order, so a rewrite differs from a copy. */
export const SHINGLE_SIZE = 3;

/**
 * The largest distance still called a near-duplicate. Measured on testdata/ (README.md of this
 * folder): one changed word in a 250-word article moves the hash by 4 bits at the median (8 at
 * worst), a new byline and dateline by 6; other articles on the same event lie 19 bits or more away.
 * At 3, the usual figure for web pages, most copies would be missed; at 7 a syndicated copy or an
 * edit of a word or two is found, with a wide margin below different articles.
 */
export const NEAR_DUPLICATE_DISTANCE = 7;

/**
 * The number of 8-bit bands a store indexes. Two hashes within 7 bits agree on at least one of 8
 * bands (pigeonhole), so looking up the bands finds every near-duplicate, while an unrelated hash
 * shares one with probability 8/256: a few per cent of the table are read back, not all of it.
 */
export const SIMHASH_BANDS = 8;

const HEX16 = /^[0-9a-f]{16}$/;

/** The word shingles of a text; a text shorter than one shingle is a single shingle. */
export function shingles(text: string): string[] {
  const w = words(text);
  if (w.length <= SHINGLE_SIZE) return w.length ? [w.join(' ')] : [];
  const out: string[] = [];
  for (let i = 0; i + SHINGLE_SIZE <= w.length; i++) out.push(w.slice(i, i + SHINGLE_SIZE).join(' '));
  return out;
}

/** SimHash of the text's shingles, as 16 lower-case hex digits; an empty text gives all zeros. */
export function simhash64(text: string): string {
  const votes = new Int32Array(64);
  for (const s of shingles(text)) {
    const { hi, lo } = hash64(s);
    for (let bit = 0; bit < 32; bit++) {
      votes[bit]! += (lo >>> bit) & 1 ? 1 : -1;
      votes[bit + 32]! += (hi >>> bit) & 1 ? 1 : -1;
    }
  }
  let lo = 0;
  let hi = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (votes[bit]! > 0) lo |= 1 << bit;
    if (votes[bit + 32]! > 0) hi |= 1 << bit;
  }
  return hex8(hi) + hex8(lo);
}

/** The number of differing bits between two SimHashes (0–64). */
export function hamming(a: string, b: string): number {
  const [ahi, alo] = halves(a);
  const [bhi, blo] = halves(b);
  return popcount(ahi ^ bhi) + popcount(alo ^ blo);
}

/** Whether two SimHashes are within `maxDistance` bits of each other. */
export function isNearDuplicate(a: string, b: string, maxDistance = NEAR_DUPLICATE_DISTANCE): boolean {
  return hamming(a, b) <= maxDistance;
}

/** The eight 8-bit bands of a SimHash (its bytes), most significant first, as integers 0–255. */
export function simhashBands(h: string): number[] {
  halves(h); // validates
  return Array.from({ length: SIMHASH_BANDS }, (_, i) => parseInt(h.slice(2 * i, 2 * i + 2), 16));
}

function halves(h: string): [number, number] {
  if (!HEX16.test(h)) throw new TypeError(`not a 64-bit SimHash (16 hex digits): ${JSON.stringify(h)}`);
  return [parseInt(h.slice(0, 8), 16), parseInt(h.slice(8), 16)];
}

function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

function popcount(x: number): number {
  let v = x >>> 0;
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}
