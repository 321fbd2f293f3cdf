/**
 * @module ingest/dedup/fingerprint
 * What the store keeps of a text to recognise its copies: the content hash (exact copies), the
 * SimHash (near ones) and its bands (the indexed look-up). Computed here, once, by the caller of
 * the store, which only stores and compares them.
 */
import { contentHash } from './normalize.js';
import { simhash64, simhashBands } from './simhash.js';

export interface Fingerprint {
  /** SHA-256 of the normalised text, 64 hex digits. */
  contentHash: string;
  /** 64-bit SimHash of the word shingles, 16 hex digits. */
  simhash: string;
  /** The SimHash's eight bytes, most significant first (SIMHASH_BANDS integers 0–255). */
  bands: number[];
}

export function fingerprint(text: string): Fingerprint {
  const simhash = simhash64(text);
  return { contentHash: contentHash(text), simhash, bands: simhashBands(simhash) };
}
