/**
 * @module extract/date-patterns
 * Date formats that chrono-node does not read ("17.out.2023", "27 जनवरी"), kept as data in each
 * lexicon: regular expressions with named groups `day`, `month` and optionally `endDay` and `year`,
 * and the language's twelve month names. A pattern without `month` ("on the 12th") takes the month
 * that puts the day nearest to the publication date (the lexicon compiles them: lexicon/dates.ts).
 * A date without a year takes the year nearest to the publication date, as chrono does.
 */
import type { DatePattern } from '../lexicon/index.js';
import { tokenKey } from '../text/index.js';
import { isoOf } from './day.js';

export interface PatternDay {
  /** Offset in the text given. */
  index: number;
  length: number;
  start: string;
  end: string | null;
  /** The text gave no year: it was taken from the publication date. */
  yearless: boolean;
}

const ASCII_DIGIT = /[0-9]/u;

/** The year that puts month/day nearest to `published`. */
function nearestYear(month: number, day: number, published: string): number {
  const year = Number(published.slice(0, 4));
  const distance = (y: number) => Math.abs(Date.parse(isoOf(y, month, day)) - Date.parse(published));
  return [year - 1, year, year + 1].sort((a, b) => distance(a) - distance(b))[0]!;
}

/** "On the 12th": the year and month that put the day nearest to `published`. */
function nearestMonth(day: number, published: string): [string, string] {
  const [y, m] = [Number(published.slice(0, 4)), Number(published.slice(5, 7))];
  const around = [-1, 0, 1].map((d) => new Date(Date.UTC(y, m - 1 + d, 1)));
  const distance = (t: Date) =>
    Math.abs(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), day) - Date.parse(published));
  const best = around.sort((a, b) => distance(a) - distance(b))[0]!;
  return [String(best.getUTCFullYear()), String(best.getUTCMonth() + 1)];
}

function monthOf(raw: string, months: ReadonlyMap<string, number>): number | undefined {
  if (/^\d{1,2}$/u.test(raw)) return Number(raw);
  return months.get(tokenKey(raw));
}

/** Every day the patterns find in `text`; a date without a year needs `published`. */
export function patternDays(
  text: string,
  patterns: readonly DatePattern[],
  published: string | null,
): PatternDay[] {
  const out: PatternDay[] = [];
  // Every pattern's day is written in ASCII digits (lexicon/dates.ts holds them to it), and most
  // sentences hold none: they are spared some eighty regular expressions.
  if (!ASCII_DIGIT.test(text)) return out;
  for (const { regex, months } of patterns) {
    for (const m of text.matchAll(regex)) {
      const g = m.groups ?? {};
      const day = Number(g.day);
      if (g.month === undefined && published) [g.year, g.month] = nearestMonth(day, published);
      const month = monthOf(g.month ?? '', months);
      if (!month || month > 12 || !(day >= 1 && day <= 31)) continue;
      if (!g.year && !published) continue;
      const year = g.year ? Number(g.year) : nearestYear(month, day, published!);
      const endDay = g.endDay ? Number(g.endDay) : undefined;
      out.push({
        index: m.index ?? 0,
        length: m[0].length,
        start: isoOf(year, month, day),
        end: endDay && endDay > day && endDay <= 31 ? isoOf(year, month, endDay) : null,
        yearless: !g.year,
      });
    }
  }
  return out;
}
