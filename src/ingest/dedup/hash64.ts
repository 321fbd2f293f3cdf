/**
 * @module ingest/dedup/hash64
 * A fast 64-bit string hash (FNV-1a 64 with a finaliser), computed in two 32-bit halves so that
 * it needs no BigInt: SimHash calls it once per shingle, thousands of times per article.
 */

/** A 64-bit value as two unsigned 32-bit halves. */
export interface U64 {
  hi: number;
  lo: number;
}

const OFFSET_HI = 0xcbf29ce4;
const OFFSET_LO = 0x84222325;
const PRIME_LO = 0x1b3; // the FNV-64 prime is 2^40 + 0x1b3

/** Multiplies (hi, lo) by the FNV-64 prime modulo 2^64, exactly, in doubles and int32s. */
function timesPrime(hi: number, lo: number): U64 {
  const l = lo * PRIME_LO; // < 2^41: exact in a double
  const carry = Math.floor(l / 0x100000000);
  // hi * 0x1b3 + carry + (lo * 2^40 >> 32, i.e. lo << 8), all modulo 2^32
  const h = (Math.imul(hi, PRIME_LO) + carry + (lo << 8)) >>> 0;
  return { hi: h, lo: l >>> 0 };
}

/** MurmurHash3's 32-bit finaliser: FNV-1a leaves the bits of the last bytes poorly mixed. */
function fmix32(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a 64 over the UTF-16 code units of `s` (two bytes each), then finalised. */
export function hash64(s: string): U64 {
  let hi = OFFSET_HI;
  let lo = OFFSET_LO;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    ({ hi, lo } = timesPrime(hi, (lo ^ (c & 0xff)) >>> 0));
    ({ hi, lo } = timesPrime(hi, (lo ^ (c >>> 8)) >>> 0));
  }
  const a = fmix32(lo ^ Math.imul(hi, 0x9e3779b1));
  const b = fmix32(hi ^ a);
  return { hi: b, lo: a };
}
