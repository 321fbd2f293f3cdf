/**
 * @module web/auth/errors
 * The web's refusals: not signed in, not allowed, too many tries, a bad form. One family, mapped
 * to HTTP by the server's one error handler like every AppError.
 */
import { AppError, type ErrorStatus } from '../../errors.js';

export type WebErrorCode =
  | 'unauthenticated'
  | 'forbidden'
  | 'locked'
  | 'rate_limited'
  | 'invalid_request'
  | 'not_found'
  | 'bad_signature';

const STATUS: Record<WebErrorCode, ErrorStatus> = {
  unauthenticated: 401,
  forbidden: 403,
  locked: 429,
  rate_limited: 429,
  invalid_request: 400,
  not_found: 404,
  bad_signature: 403,
};

export class WebError extends AppError {
  override readonly name = 'WebError';
  readonly status: ErrorStatus;
  constructor(
    readonly code: WebErrorCode,
    message: string,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}
