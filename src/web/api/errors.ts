/**
 * @module web/api/errors
 * The API's own failures as AppErrors, so the server's one error mapping gives them the one JSON
 * shape: a request that does not validate (400) and an id the record does not hold (404).
 */
import { AppError, type ErrorStatus } from '../../errors.js';

export type ApiErrorCode = 'invalid_request' | 'not_found';

const STATUS: Record<ApiErrorCode, ErrorStatus> = { invalid_request: 400, not_found: 404 };

export class ApiError extends AppError {
  override readonly name = 'ApiError';
  readonly status: ErrorStatus;
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export const notFound = (what: string, id: string) => new ApiError('not_found', `There is no ${what} ${id}.`);
