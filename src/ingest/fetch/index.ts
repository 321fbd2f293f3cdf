/**
 * @module ingest/fetch
 * The HTTP fetcher: timeouts, size and decompression caps, conditional GET, charset decoding,
 * a private-address guard on every connection, per-host politeness and robots.txt.
 */
export type { FetchNotModified, FetchOk, FetchOptions, FetchResult, Validators } from './types.js';
export type { FetchPolicy } from './policy.js';
export type { Fetcher, FetcherDeps } from './fetcher.js';
export type { FetchErrorCode } from './errors.js';
export type { CharsetSource, Decoded } from './charset.js';
export { defaultPolicy, resolvePolicy } from './policy.js';
export { FETCH_ERROR_CODES, FetchError } from './errors.js';
export { createFetcher } from './fetcher.js';
export { addressGuard, addressRange, guardedLookup, isPublicAddress } from './address.js';
export { decodeBody } from './charset.js';
