/**
 * @module store/errors
 * The store's errors, with stable codes the CLI and web map to one line or one HTTP status.
 */
export type StoreErrorCode = 'unsupported_database' | 'stale_schema' | 'invalid_request';

export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Whether `e` is a unique-constraint violation, in SQLite's words or PostgreSQL's code. */
export function isUniqueViolation(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
