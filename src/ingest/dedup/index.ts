/**
 * @module ingest/dedup
 * Exact and near-duplicate detection for articles: normalised content hash and 64-bit SimHash.
 */
export { fingerprint, type Fingerprint } from './fingerprint.js';
export { contentHash, normalizeText, words } from './normalize.js';
export {
  hamming,
  isNearDuplicate,
  NEAR_DUPLICATE_DISTANCE,
  shingles,
  SIMHASH_BANDS,
  simhash64,
  simhashBands,
} from './simhash.js';
