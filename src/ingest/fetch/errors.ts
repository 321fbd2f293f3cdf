/**
 * @module ingest/fetch/errors
 * The fetcher's one error type, with a stable code per way a fetch can fail.
 */

/**
 * Stable codes: callers (the job runner, the CLI, logs) branch on these, never on messages.
 * - `bad_encoding`: an unknown Content-Encoding, or a compressed body that does not inflate.
 */
export const FETCH_ERROR_CODES = [
  'bad_url',
  'unsupported_scheme',
  'private_address',
  'robots_disallowed',
  'timeout',
  'too_large',
  'decompression_bomb',
  'bad_encoding',
  'too_many_redirects',
  'http_status',
  'network',
] as const;

export type FetchErrorCode = (typeof FETCH_ERROR_CODES)[number];

export interface FetchErrorDetails {
  status?: number;
  /** What the server asked for in Retry-After when it was longer than the fetcher will wait. */
  retryAfterMs?: number;
  cause?: unknown;
}

export class FetchError extends Error {
  override readonly name = 'FetchError';
  readonly status?: number;
  readonly retryAfterMs?: number;

  constructor(
    readonly code: FetchErrorCode,
    readonly url: string,
    /** The message without the code and URL, for re-wrapping. */
    readonly detail: string,
    details: FetchErrorDetails = {},
  ) {
    super(`${code}: ${detail} (${url})`, details.cause === undefined ? undefined : { cause: details.cause });
    if (details.status !== undefined) this.status = details.status;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
  }
}

/** The FetchError inside `err` (directly or down its `cause` chain), if any. */
export function findFetchError(err: unknown): FetchError | undefined {
  for (let e = err, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
    if (e instanceof FetchError) return e;
  }
  return undefined;
}
