/**
 * @module cli/args
 * Turns command-line words into registry records and dates, or a UsageError that names the input
 * and the nearest valid choices.
 */
import {
  isoDate,
  findCountry,
  findSubject,
  type Country,
  type IsoDate,
  type Registry,
  type Subject,
} from '../registry/index.js';
import { UsageError } from './errors.js';

export function parseDate(input: string, what = 'date'): IsoDate {
  const parsed = isoDate.safeParse(input);
  if (!parsed.success)
    throw new UsageError(
      `bad ${what} "${input}": ${parsed.error.issues[0]?.message ?? 'invalid'} (for example 2024-09-03)`,
    );
  return parsed.data;
}

export function subjectArg(reg: Registry, input: string): Subject {
  const found = findSubject(reg, input);
  const label = (s: Subject) => `${s.name} (${s.id})`;
  switch (found.kind) {
    case 'found':
      return found.value;
    case 'ambiguous':
      throw new UsageError(
        `ambiguous subject "${input}": it names ${found.candidates.map(label).join(', ')}; give the full name or the id`,
      );
    case 'unknown':
      throw new UsageError(`unknown subject "${input}"; nearest: ${found.suggestions.map(label).join(', ')}`);
  }
}

export function countryArg(reg: Registry, input: string): Country {
  const found = findCountry(reg, input);
  const label = (c: Country) => `${c.name} (${c.iso2})`;
  switch (found.kind) {
    case 'found':
      return found.value;
    case 'ambiguous':
      throw new UsageError(
        `ambiguous country "${input}": it names ${found.candidates.map(label).join(', ')}; give the ISO code`,
      );
    case 'unknown':
      throw new UsageError(`unknown country "${input}"; nearest: ${found.suggestions.map(label).join(', ')}`);
  }
}

/** Rejects a value outside a fixed list, naming the list. */
export function choiceArg<T extends string>(input: string, choices: readonly T[], what: string): T {
  if ((choices as readonly string[]).includes(input)) return input as T;
  throw new UsageError(`unknown ${what} "${input}"; choose one of: ${choices.join(', ')}`);
}

/** A whole number from `min` to `max` given for `flag`, or a UsageError that says so. */
export function wholeNumberArg(flag: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}
