/**
 * @module extract/lexicon/dates
 * A lexicon's date formats compiled: its patterns (regular expressions with named groups `day`,
 * `month` and optionally `endDay` and `year`) with its twelve month names. An invalid pattern is
 * reported and skipped.
 */
import { tokenKey } from '../text/index.js';

/** `(?<day>[1-3]?\d)`, `(?<day>\d{1,2})`: digit classes and quantifiers only. */
const DAY_IN_DIGITS = /\(\?<day>(?:\\d|\[[0-9-]+\]|[?*+{},0-9])+\)/u;

export interface DatePattern {
  /** The lexicon it comes from: only those of the article's languages are read. */
  lang: string;
  regex: RegExp;
  /** Month name (as a token key) → 1..12. */
  months: ReadonlyMap<string, number>;
}

export interface DateSpec {
  months?: readonly string[];
  patterns: readonly string[];
}

/** Compiles one lexicon's patterns; problems are pushed to `problems`. */
export function compileDatePatterns(lang: string, spec: DateSpec, problems: string[]): DatePattern[] {
  const months = new Map<string, number>();
  // "set|sept": alternatives for one month are separated by bars.
  spec.months?.forEach((m, i) => m.split('|').forEach((alt) => months.set(tokenKey(alt), i + 1)));
  const out: DatePattern[] = [];
  for (const source of spec.patterns) {
    try {
      const regex = new RegExp(source, 'giu');
      if (!source.includes('(?<day>')) throw new Error('needs a day');
      // The reader skips sentences without a digit (extract/dates/date-patterns.ts).
      if (!DAY_IN_DIGITS.test(source)) throw new Error('the day must be written in digits: \\d or [0-9]');
      out.push({ lang, regex, months });
    } catch (e) {
      problems.push(
        `${lang}.yaml: dates.patterns ${JSON.stringify(source)}: ${(e as Error).message}; left out`,
      );
    }
  }
  return out;
}
