/**
 * @module cli/errors
 * A usage error: bad input from the command line. Printed as one line; exit code 2.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly exitCode = 2;
}

/** Every input of a command failed: the reasons were printed, the exit code says so (1). */
export class NothingDoneError extends Error {
  override readonly name = 'NothingDoneError';
  readonly exitCode = 1;
}
