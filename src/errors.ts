/**
 * @module errors
 * The one error family. Every failure the product reports on purpose is an AppError: a stable
 * `code` (callers branch on it, never on the message), an HTTP `status` for the API, and a
 * message a person can act on. The CLI maps an AppError to an exit code in one place
 * (cli/exit.ts), the web to a JSON body; anything else that is thrown is a bug.
 */

/** The caller's fault (4xx: fix the request) or ours / a remote site's (5xx). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 502 | 503;

export abstract class AppError extends Error {
  /** Stable and snake_case; each subclass lists its codes. */
  abstract readonly code: string;
  abstract readonly status: ErrorStatus;
}

/** The AppError inside `err` (itself or down its `cause` chain), if any. */
export function findAppError(err: unknown): AppError | undefined {
  for (let e = err, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++)
    if (e instanceof AppError) return e;
  return undefined;
}
