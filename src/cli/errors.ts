/**
 * @module cli/errors
 * The CLI's own errors, in the AppError family (src/errors.ts).
 */
import { AppError } from '../errors.js';

/** Bad input from the command line: a flag, an argument, a file named on it. */
export class UsageError extends AppError {
  override readonly name = 'UsageError';
  readonly code = 'usage';
  readonly status = 400;
}

/** Every input of a command failed: the reasons were printed, the exit code says so. */
export class NothingDoneError extends AppError {
  override readonly name = 'NothingDoneError';
  readonly code = 'nothing_done';
  readonly status = 502;
}
