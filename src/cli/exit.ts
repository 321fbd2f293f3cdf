/**
 * @module cli/exit
 * The one mapping from errors to what the CLI prints and its exit code: 2 when the caller can fix
 * the command (a 4xx AppError), 1 when the work failed (a 5xx AppError), 1 and the stack for
 * anything else, which is a bug.
 */
import { findAppError } from '../errors.js';

export interface Failure {
  exitCode: 1 | 2;
  /** Printed to stderr, after `warrant-watch: `. */
  text: string;
}

/** What a few data errors say before their list of problems. */
const HEADLINES: Partial<Record<string, string>> = {
  bad_registry_data: 'the registry data is invalid',
  bad_lexicon_data: 'the lexicon data is invalid; these entries would be left out',
};

export function failureOf(thrown: unknown): Failure {
  const e = findAppError(thrown);
  if (!e)
    return {
      exitCode: 1,
      text: `internal error (a bug: please report it with this trace)\n${thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown)}`,
    };
  const headline = HEADLINES[e.code];
  return {
    exitCode: e.status < 500 ? 2 : 1,
    text: headline ? `${headline}\n${e.message}` : e.message,
  };
}
