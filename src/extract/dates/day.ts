/**
 * @module extract/dates/day
 * A day named in text, and day arithmetic.
 */

export interface DayMention {
  /** Character offset of the date in the article. */
  at: number;
  /** YYYY-MM-DD; for a bare weekday, the publication date (see `weekday`). */
  start: string;
  end: string | null;
  /** 0 = Sunday: set when the text names only a weekday. */
  weekday?: number;
  /** Day and month only: the year was taken from the publication date. */
  yearless?: boolean;
}

/**
 * A time named without its day ("last year", "in March 2023", "two weeks ago", "next month"):
 * only where it lies from the publication date. Enough to tell history from plans.
 */
export interface TimeMention {
  /** Character offset in the article. */
  at: number;
  relation: 'before' | 'around' | 'after';
}

/** `iso` plus `days` (may be negative). */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
