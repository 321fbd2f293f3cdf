/**
 * @module registry/errors
 * The registry's error: a data file that fails validation, named down to the record and field.
 */
export class RegistryDataError extends Error {
  override readonly name = 'RegistryDataError';
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file}: ${problems.length} problem(s)\n  - ${problems.join('\n  - ')}`);
  }
}
