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

/** A query the page cannot answer: it says what was wrong. */
export class PageRequestError extends AppError {
  readonly code = 'bad_request';
  readonly status = 400;
}
