/**
 * @module web/pages/errors
 * The pages' own failures, as AppErrors: the server's one error mapping turns each into a page
 * with its status (a UsageError is the CLI's, not the web's).
 */
import { AppError } from '../../errors.js';

/** No person, country or trip of that id. */
export class PageNotFoundError extends AppError {
  readonly code = 'not_found';
  readonly status = 404;
}
