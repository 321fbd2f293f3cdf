/**
 * @module store/errors
 * The store's errors, with stable codes the CLI and web map to one line or one HTTP status.
 */
import { AppError, type ErrorStatus } from '../errors.js';

export type StoreErrorCode = 'unsupported_database' | 'stale_schema' | 'invalid_request' | 'limit_reached';

export class StoreError extends AppError {
  override readonly name = 'StoreError';
  readonly status: ErrorStatus;
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

const STATUS: Record<StoreErrorCode, ErrorStatus> = {
  unsupported_database: 400, // a DATABASE_URL we cannot open: the operator's setting
  invalid_request: 400,
  limit_reached: 409, // a cap of the account's (webhooks per user): remove one first
  stale_schema: 503, // run `warrant-watch migrate`
};

/** Whether `e` is a unique-constraint violation, in SQLite's words or PostgreSQL's code. */
export function isUniqueViolation(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
