/**
 * @module cli/errors
 * A usage error: bad input from the command line. Printed as one line; exit code 2.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly exitCode = 2;
}
