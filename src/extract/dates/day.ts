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

const pad = (n: number) => String(n).padStart(2, '0');
export const isoOf = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** The `weekday` nearest to `published` on the side the tense points to. */
export function placeWeekday(weekday: number, published: string, direction: 'forward' | 'backward'): string {
  const today = new Date(`${published}T12:00:00Z`).getUTCDay();
  const ahead = (weekday - today + 7) % 7;
  return direction === 'forward'
    ? addDays(published, ahead)
    : addDays(published, ahead === 0 ? 0 : ahead - 7);
}

/** A day of something that has already happened never lies after publication: the year before. */
export function inThePast(day: DayMention, published: string | null): DayMention {
  if (!day.yearless || !published || day.start <= published) return day;
  const back = (iso: string | null) => (iso ? `${Number(iso.slice(0, 4)) - 1}${iso.slice(4)}` : null);
  return { ...day, start: back(day.start)!, end: back(day.end) };
}
