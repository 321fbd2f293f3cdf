/**
 * @module registry/errors
 * The registry's error: a data file that fails validation, named down to the record and field.
 */
import { AppError } from '../errors.js';

export class RegistryDataError extends AppError {
  override readonly name = 'RegistryDataError';
  readonly code = 'bad_registry_data';
  readonly status = 500;
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file}: ${problems.length} problem(s)\n  - ${problems.join('\n  - ')}`);
  }
}
