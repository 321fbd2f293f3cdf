/**
 * @module ingest/fetch/errors
 * The fetcher's one error type, with a stable code per way a fetch can fail.
 */
import { AppError, type ErrorStatus } from '../../errors.js';

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

/** The URL itself is refused (the caller's fault: 400); every other failure is the remote site's (502). */
const REFUSED_URL: ReadonlySet<FetchErrorCode> = new Set([
  'bad_url',
  'unsupported_scheme',
  'private_address',
]);

export class FetchError extends AppError {
  override readonly name = 'FetchError';
  /** Ours to the caller, not the remote server's: see `httpStatus`. */
  readonly status: ErrorStatus;
  /** The remote server's HTTP status, for `http_status` failures. */
  readonly httpStatus?: number;
  readonly retryAfterMs?: number;

  constructor(
    readonly code: FetchErrorCode,
    readonly url: string,
    /** The message without the code and URL, for re-wrapping. */
    readonly detail: string,
    details: FetchErrorDetails = {},
  ) {
    super(`${code}: ${detail} (${url})`, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = REFUSED_URL.has(code) ? 400 : 502;
    if (details.status !== undefined) this.httpStatus = details.status;
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

// Failures before any byte reached the server: nobody was asked, so nobody needs a pause.
const UNREACHED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Whether `err` is a fetch that never reached its server (refused, no such host, no route). */
export function unreached(err: unknown): boolean {
  const f = findFetchError(err);
  if (f?.code !== 'network') return false;
  for (let e: unknown = f.cause, depth = 0; e && depth < 8; e = (e as Error).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && UNREACHED.has(code)) return true;
  }
  return false;
}
